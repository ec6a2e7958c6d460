package org.agora.panels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-computed examples (a third, test-only source): {@code handcomputed_examples.json} of the shared sortition
 * data (transcribed from the Sortition Foundation's tests, GPL-3.0, so read in place rather than copied here).
 */
final class HandComputedExamples {

    static final Path SHARED = Path.of("../shared/data/sortition/handcomputed/handcomputed_examples.json");

    private final JsonNode root;

    static boolean present() {
        return Files.isRegularFile(SHARED);
    }

    HandComputedExamples() throws Exception {
        String text = Files.readString(SHARED);
        root = JsonMapper.builder().build().readTree(text);
    }

    JsonNode example(String name) {
        for (JsonNode example : root.get("examples")) {
            if (example.get("name").asString().equals(name)) {
                return example;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The example as an instance; with a household check, the household is (home, street). */
    Instance instance(String name, boolean householdCheck) {
        JsonNode example = example(name);
        JsonNode quotaNode = example.has("quotas") ? example.get("quotas") : example.get("quotas_with_flex");
        var quotas = new ArrayList<Quota>();
        for (var feature : quotaNode.properties()) {
            for (var value : feature.getValue().properties()) {
                JsonNode bounds = value.getValue();
                quotas.add(bounds.size() == 4
                        ? new Quota(feature.getKey(), value.getKey(), bounds.get(0).asInt(), bounds.get(1).asInt(), bounds.get(2).asInt(), bounds.get(3).asInt())
                        : new Quota(feature.getKey(), value.getKey(), bounds.get(0).asInt(), bounds.get(1).asInt()));
            }
        }
        JsonNode people = example.get("people");
        if (people.isString()) {
            people = example("example3").get("people");
        }
        var pool = new ArrayList<Respondent>();
        for (var person : people.properties()) {
            Map<String, String> features = new LinkedHashMap<>();
            for (var field : person.getValue().properties()) {
                features.put(field.getKey(), field.getValue().asString());
            }
            String household = householdCheck ? features.get("home") + "|" + features.get("street") : null;
            features.remove("home");
            features.remove("street");
            pool.add(new Respondent(person.getKey(), features, household));
        }
        return new Instance(example.get("k").asInt(), quotas, pool);
    }

    /** example6: 60 people in six groups of ten plus p61, who fits in no panel. */
    Instance example6() {
        JsonNode example = example("example6");
        var quotas = new ArrayList<Quota>();
        for (var feature : example.get("quotas").properties()) {
            for (var value : feature.getValue().properties()) {
                quotas.add(new Quota(feature.getKey(), value.getKey(), value.getValue().get(0).asInt(), value.getValue().get(1).asInt()));
            }
        }
        String[][] groups = {{"v1", "v1", "v3"}, {"v1", "v3", "v1"}, {"v3", "v1", "v1"}, {"v2", "v2", "v3"}, {"v2", "v3", "v2"}, {"v3", "v2", "v2"}};
        var pool = new ArrayList<Respondent>();
        for (int g = 0; g < groups.length; g++) {
            for (int i = 1; i <= 10; i++) {
                pool.add(new Respondent("p" + (g * 10 + i), Map.of("f1", groups[g][0], "f2", groups[g][1], "f3", groups[g][2]), null));
            }
        }
        pool.add(new Respondent("p61", Map.of("f1", "v3", "f2", "v3", "f3", "v3"), null));
        return new Instance(46, quotas, pool);
    }

    Map<String, Double> expected(String name, String key) {
        Map<String, Double> expected = new LinkedHashMap<>();
        for (var entry : example(name).get("expected").get(key).properties()) {
            if (entry.getValue().isNumber()) {
                expected.put(entry.getKey(), entry.getValue().asDouble());
            }
        }
        return expected;
    }

    static List<String> ids(Instance instance) {
        return instance.pool().stream().map(Respondent::id).toList();
    }
}
