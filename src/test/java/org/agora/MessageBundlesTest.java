package org.agora;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** French and English say the same things, and templates say nothing that is not in a bundle. */
class MessageBundlesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyFrenchBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValue() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            bundles.put(resource.getFilename(), properties);
        }
        assertThat(bundles).isNotEmpty();

        List<String> problems = new ArrayList<>();
        bundles.forEach((name, properties) -> {
            properties.forEach((key, value) -> {
                // A message with arguments goes through MessageFormat, which takes a lone ' as a quote and drops it.
                if (value.toString().matches("(?s).*\\{\\d.*") && value.toString().matches("(?s).*(?<!')'(?!').*")) {
                    problems.add(name + ": " + key + " has arguments and a lone ' that MessageFormat would swallow (write ’ or '')");
                }
                if (value.toString().isBlank()) {
                    problems.add(name + ": " + key + " is empty");
                }
            });
            if (name.endsWith("_en.properties")) {
                if (!bundles.containsKey(name.replace("_en.properties", ".properties"))) {
                    problems.add(name + " has no French (default) bundle");
                }
                return;
            }
            Properties english = bundles.get(name.replace(".properties", "_en.properties"));
            if (english == null) {
                problems.add(name + " has no English bundle");
                return;
            }
            Set<String> missingInEnglish = new TreeSet<>(properties.stringPropertyNames());
            missingInEnglish.removeAll(english.stringPropertyNames());
            Set<String> missingInFrench = new TreeSet<>(english.stringPropertyNames());
            missingInFrench.removeAll(properties.stringPropertyNames());
            missingInEnglish.forEach(key -> problems.add(name + ": " + key + " missing in English"));
            missingInFrench.forEach(key -> problems.add(name + ": " + key + " only in English"));
        });
        assertThat(problems).as("Message bundle problems").isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedVisibleText() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
                offenders.addAll(HardCodedText.find(TEMPLATES.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertThat(offenders).as("Visible text must come from messages/*.properties (th:text, #{...})").isEmpty();
    }

    @Test
    void theCheckCatchesHardCodedTextAndLeavesReplacedTextAlone() {
        String template = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <!-- a comment with words -->
                <body>
                <h1 th:text="#{x.title}">Titre d'exemple</h1>
                <p th:if="${a > b}">Texte en dur</p>
                <div th:replace="~{x :: y}"><span>Remplacé</span></div>
                <img src="x.png" alt="Logo de la région">
                <img src="x.png" alt="ignored" th:alt="#{x.logo}">
                <input placeholder="Votre nom" th:attr="placeholder=#{x.name}">
                <a href="/fr" lang="fr">Français</a>
                <button title="Fermer">×</button>
                <p>[[#{x.inline}]]</p>
                <script>var words = "not text";</script>
                <style>.a::before { content: "not text"; }</style>
                <br/>
                <p>&nbsp;→ 12</p>
                </body>
                </html>
                """;

        assertThat(HardCodedText.find("example.html", template)).containsExactly(
                "example.html:6: text \"Texte en dur\"",
                "example.html:8: alt=\"Logo de la région\"",
                "example.html:12: title=\"Fermer\"");
    }

    /**
     * A pragmatic scan, not an HTML parser: tags are matched by a regular expression that respects quoted attribute
     * values, and a stack follows which elements have their body replaced by Thymeleaf (th:text, th:utext, th:replace,
     * th:insert, th:remove). Text in an element carrying a {@code lang} attribute is deliberately in that language
     * (the language switch says « English » on the French page), so it is accepted.
     */
    static final class HardCodedText {

        private static final Pattern TAG = Pattern.compile(
                "<(/?)([a-zA-Z][\\w:.-]*)((?:\\s+[^\\s=>/\"']+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*(/?)>");
        private static final Pattern ATTRIBUTE = Pattern.compile(
                "([^\\s=>/\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
        private static final Pattern SKIPPED_BLOCKS = Pattern.compile(
                "<!--.*?-->|<![^>]*>|<\\?[^>]*>|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);
        private static final Pattern ENTITY = Pattern.compile("&[#\\w]+;");
        private static final Pattern LETTER = Pattern.compile("\\p{L}");
        private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                "meta", "source", "track", "wbr", "!doctype");
        private static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
                "th:remove", "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");
        private static final List<String> VISIBLE_ATTRIBUTES = List.of("alt", "title", "aria-label", "placeholder");

        private record Open(String name, boolean ignored) {
        }

        static List<String> find(String name, String html) {
            String source = blankOut(html);
            List<String> offenders = new ArrayList<>();
            Deque<Open> open = new ArrayDeque<>();
            Matcher tag = TAG.matcher(source);
            int position = 0;
            while (true) {
                boolean found = tag.find(position);
                int textEnd = found ? tag.start() : source.length();
                checkText(name, source, position, textEnd, open, offenders);
                if (!found) {
                    return offenders;
                }
                String element = tag.group(2).toLowerCase(Locale.ROOT);
                if (!tag.group(1).isEmpty()) {
                    while (!open.isEmpty() && !open.pop().name().equals(element)) {
                        // Unclosed elements (p, li) end with their parent.
                    }
                } else {
                    Map<String, String> attributes = attributes(tag.group(3));
                    if (!insideIgnored(open) && !attributes.containsKey("lang")) {
                        for (String attribute : VISIBLE_ATTRIBUTES) {
                            String value = attributes.get(attribute);
                            if (value != null && LETTER.matcher(value).find() && !replaced(attribute, attributes)) {
                                offenders.add(name + ":" + line(source, tag.start()) + ": " + attribute + "=\"" + value + "\"");
                            }
                        }
                    }
                    boolean ignored = attributes.keySet().stream().anyMatch(BODY_REPLACING::contains)
                            || attributes.containsKey("lang");
                    if (tag.group(4).isEmpty() && !VOID.contains(element)) {
                        open.push(new Open(element, ignored));
                    }
                }
                position = tag.end();
            }
        }

        private static void checkText(String name, String source, int from, int to, Deque<Open> open, List<String> offenders) {
            if (from >= to || insideIgnored(open)) {
                return;
            }
            String text = source.substring(from, to);
            String visible = ENTITY.matcher(INLINE_EXPRESSION.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
            if (LETTER.matcher(visible).find()) {
                int lead = text.indexOf(text.strip().isEmpty() ? text : text.strip().substring(0, 1));
                offenders.add(name + ":" + line(source, from + Math.max(lead, 0)) + ": text \""
                        + visible.replaceAll("\\s+", " ") + "\"");
            }
        }

        private static boolean insideIgnored(Deque<Open> open) {
            return open.stream().anyMatch(Open::ignored);
        }

        private static boolean replaced(String attribute, Map<String, String> attributes) {
            if (attributes.containsKey("th:" + attribute) || attributes.containsKey("data-th-" + attribute)) {
                return true;
            }
            String attr = attributes.getOrDefault("th:attr", "");
            return Pattern.compile("(^|[\\s,])" + Pattern.quote(attribute) + "\\s*=").matcher(attr).find()
                    || (attribute.equals("alt") || attribute.equals("title")) && attributes.containsKey("th:alt-title");
        }

        private static Map<String, String> attributes(String text) {
            Map<String, String> attributes = new TreeMap<>();
            Matcher matcher = ATTRIBUTE.matcher(text);
            while (matcher.find()) {
                String value = matcher.group(2) != null ? matcher.group(2)
                        : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                attributes.put(matcher.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
            }
            return attributes;
        }

        /** Replaces comments, scripts and styles by spaces, keeping line breaks so that line numbers stay right. */
        private static String blankOut(String html) {
            Matcher matcher = SKIPPED_BLOCKS.matcher(html);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group().replaceAll("[^\\n]", " ")));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private static int line(String source, int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
