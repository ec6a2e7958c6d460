package org.agora.opendata;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The write operations as the application's own OpenAPI document ({@code /v3/api-docs}) describes them: each response a
 * test receives is checked to be documented for its status and to validate against the documented schema.
 */
final class ApiWriteContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    final JsonNode document;

    ApiWriteContract(MockMvc mvc) throws Exception {
        document = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase());
    }

    /** Checks the response against the document; returns its body as JSON (an empty node without body). */
    JsonNode check(String method, String path, MvcResult result) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        JsonNode documented = operation(method, path).path("responses").path(Integer.toString(response.getStatus()));
        assertThat(documented.isMissingNode()).as("%s %s documents the status %s", method, path, response.getStatus()).isFalse();
        String body = response.getContentAsString();
        if (body.isEmpty()) {
            assertThat(documented.path("content").isMissingNode() || documented.path("content").isEmpty())
                    .as("%s %s %s has no body, as documented", method, path, response.getStatus()).isTrue();
            return JSON.createObjectNode();
        }
        String mediaType = response.getContentType().split(";")[0].strip();
        JsonNode schemaNode = documented.path("content").path(mediaType).path("schema");
        assertThat(schemaNode.isMissingNode()).as("%s %s %s documents the media type %s", method, path,
                response.getStatus(), mediaType).isFalse();
        ObjectNode standalone = ((ObjectNode) schemaNode).deepCopy();
        standalone.set("components", document.path("components"));
        Schema schema = SCHEMAS.getSchema(standalone);
        JsonNode instance = JSON.readTree(body);
        List<Error> errors = schema.validate(instance);
        assertThat(errors).as("%s %s %s: %s against %s", method, path, response.getStatus(), body, schemaNode).isEmpty();
        return instance;
    }
}
