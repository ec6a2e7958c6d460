package org.agora.panels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool reduced to types: respondents with the same value for every quota feature and no household tie are
 * interchangeable, so the optimisation counts how many of each type sit on a panel instead of naming them. Respondents
 * who share a household with someone else stay a type of their own, so that the household rule can be written.
 */
final class Types {

    final Instance instance;
    final List<List<Respondent>> members = new ArrayList<>();
    /** For each quota (in instance order), the types holding its value. */
    final List<List<Integer>> quotaTypes = new ArrayList<>();
    /** Groups of single-person types of which at most one may sit on a panel. */
    final List<List<Integer>> households = new ArrayList<>();

    private Types(Instance instance) {
        this.instance = instance;
        List<String> features = instance.features();
        Map<String, Integer> householdSizes = new HashMap<>();
        for (Respondent r : instance.pool()) {
            if (r.household() != null) {
                householdSizes.merge(r.household(), 1, Integer::sum);
            }
        }
        Map<String, Integer> byKey = new LinkedHashMap<>();
        Map<String, List<Integer>> householdTypes = new LinkedHashMap<>();
        for (Respondent r : instance.pool()) {
            boolean tied = r.household() != null && householdSizes.get(r.household()) > 1;
            String key;
            if (tied) {
                key = "\u0001" + r.id();
            } else {
                var sb = new StringBuilder();
                for (String f : features) {
                    sb.append(r.features().get(f)).append('\u0000');
                }
                key = sb.toString();
            }
            Integer type = byKey.get(key);
            if (type == null) {
                type = members.size();
                byKey.put(key, type);
                members.add(new ArrayList<>());
            }
            members.get(type).add(r);
            if (tied) {
                householdTypes.computeIfAbsent(r.household(), h -> new ArrayList<>()).add(type);
            }
        }
        households.addAll(householdTypes.values());
        for (Quota q : instance.quotas()) {
            var types = new ArrayList<Integer>();
            for (int t = 0; t < members.size(); t++) {
                if (q.value().equals(members.get(t).getFirst().features().get(q.feature()))) {
                    types.add(t);
                }
            }
            quotaTypes.add(types);
        }
    }

    static Types of(Instance instance) {
        return new Types(instance);
    }

    int size() {
        return members.size();
    }

    int count(int type) {
        return members.get(type).size();
    }
}
