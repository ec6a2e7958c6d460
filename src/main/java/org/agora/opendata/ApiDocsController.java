package org.agora.opendata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.shared.PublicPages;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API's documentation page, rendered on the server from the same OpenAPI description as {@code /v3/api-docs}:
 * every operation with its parameters, the fields of what it returns and a curl example. No script, so it works
 * under the site's Content-Security-Policy.
 */
@Controller
class ApiDocsController implements PublicPages {

    record Parameter(String name, String in, boolean required, String type, String description, String example) {
    }

    record Field(String name, String type, String description) {
    }

    record SchemaView(String name, String description, List<Field> fields) {
    }

    record OperationView(String id, String method, String path, String summary, String description,
                         List<Parameter> parameters, String returns, boolean paged, List<String> statuses, String curl) {
    }

    record TagView(String name, String description, List<OperationView> operations) {
    }

    private final OpenApiWebMvcResource openApi;
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    ApiDocsController(OpenApiWebMvcResource openApi, @Value("${agora.base-url}") String baseUrl) {
        this.openApi = openApi;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/api")
    String page(HttpServletRequest request, Locale locale, Model model) throws IOException {
        JsonNode root = json.readTree(openApi.openapiJson(request, "/v3/api-docs", locale));
        Map<String, TagView> tags = new LinkedHashMap<>();
        for (JsonNode tag : root.path("tags")) {
            tags.put(tag.path("name").asText(), new TagView(tag.path("name").asText(), tag.path("description").asText(),
                    new ArrayList<>()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                OperationView operation = operation(path.getKey(), method.getKey(), method.getValue());
                String tag = method.getValue().path("tags").path(0).asText("API");
                tags.computeIfAbsent(tag, name -> new TagView(name, "", new ArrayList<>())).operations().add(operation);
            }
        }
        List<SchemaView> schemas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> all = root.path("components").path("schemas").fields(); all.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = all.next();
            if (schema.getKey().startsWith("ApiPage")) {
                continue;
            }
            List<Field> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.getValue().path("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                fields.add(new Field(property.getKey(), type(property.getValue()), property.getValue().path("description").asText("")));
            }
            schemas.add(new SchemaView(schema.getKey(), schema.getValue().path("description").asText(""), fields));
        }
        model.addAttribute("info", root.path("info"));
        model.addAttribute("title", root.path("info").path("title").asText());
        model.addAttribute("description", root.path("info").path("description").asText());
        model.addAttribute("licence", root.path("info").path("license").path("name").asText());
        model.addAttribute("licenceUrl", root.path("info").path("license").path("url").asText());
        model.addAttribute("tags", tags.values().stream().filter(tag -> !tag.operations().isEmpty()).toList());
        model.addAttribute("schemas", schemas);
        model.addAttribute("baseUrl", baseUrl);
        return "opendata/api";
    }

    private OperationView operation(String path, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        String curlPath = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String example = parameter.path("example").isMissingNode() ? "" : parameter.path("example").asText();
            parameters.add(new Parameter(name, in, parameter.path("required").asBoolean(false), type(parameter.path("schema")),
                    parameter.path("description").asText(""), example));
            if ("path".equals(in)) {
                curlPath = curlPath.replace("{" + name + "}", example.isEmpty() ? "1" : example);
            } else if (!example.isEmpty() && ("page".equals(name) || "size".equals(name))) {
                query.add(name + "=" + example);
            }
        }
        JsonNode ok = node.path("responses").path("200").path("content").path("application/json").path("schema");
        String returns = ref(ok);
        boolean paged = returns.startsWith("ApiPage");
        if (paged) {
            returns = returns.substring("ApiPage".length());
        }
        List<String> statuses = new ArrayList<>();
        node.path("responses").fieldNames().forEachRemaining(statuses::add);
        String url = baseUrl + curlPath + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String curl = "curl -H 'Accept: application/json' '" + url + "'";
        return new OperationView(node.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path,
                node.path("summary").asText(""), node.path("description").asText(""), parameters, returns, paged,
                statuses, curl);
    }

    private static String ref(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? type(schema) : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String type(JsonNode schema) {
        if (schema.has("$ref")) {
            return ref(schema);
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText("object");
        if ("array".equals(type)) {
            return "array of " + type(schema.path("items"));
        }
        String format = schema.path("format").asText("");
        return format.isEmpty() ? type : type + " (" + format + ")";
    }

    @Override
    public List<String> publicPaths() {
        return List.of("/api");
    }
}
