package org.agora.panels;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who replaces a panelist who drops out (see docs/panels.md). The eligible volunteers are those outside the panel
 * whose arrival, in place of the dropped person, keeps every quota and the household rule. If some of them share the
 * dropped person's value on every quota feature, only those are kept (the panel's make-up does not change). The
 * eligible ids are sorted, and the one at index SHA-256(seed + "\n" + dropped id) mod (their number) is chosen: anyone
 * can re-run the choice from the published seed.
 * The pool given must leave out people who already declined.
 */
public final class Replacement {

    private Replacement() {
    }

    public static Optional<String> replacementFor(Instance instance, List<String> panel, String dropped, String seed) {
        if (!panel.contains(dropped)) {
            throw new IllegalArgumentException(dropped + " is not on the panel.");
        }
        Map<String, Respondent> byId = instance.pool().stream().collect(Collectors.toMap(Respondent::id, r -> r));
        Respondent leaving = byId.get(dropped);
        if (leaving == null) {
            throw new IllegalArgumentException(dropped + " is not in the pool.");
        }
        List<Respondent> staying = new ArrayList<>();
        for (String id : panel) {
            if (!id.equals(dropped)) {
                Respondent r = byId.get(id);
                if (r == null) {
                    throw new IllegalArgumentException(id + " is not in the pool.");
                }
                staying.add(r);
            }
        }
        Set<String> onPanel = new HashSet<>(panel);
        Set<String> households = new HashSet<>();
        staying.stream().map(Respondent::household).filter(h -> h != null).forEach(households::add);
        List<String> features = instance.features();
        List<Respondent> eligible = new ArrayList<>();
        for (Respondent candidate : instance.pool()) {
            if (onPanel.contains(candidate.id())
                    || (candidate.household() != null && households.contains(candidate.household()))) {
                continue;
            }
            var members = new ArrayList<>(staying);
            members.add(candidate);
            if (keepsQuotas(instance, members)) {
                eligible.add(candidate);
            }
        }
        List<Respondent> alike = eligible.stream()
                .filter(c -> features.stream().allMatch(f -> java.util.Objects.equals(c.features().get(f), leaving.features().get(f))))
                .toList();
        List<String> ids = (alike.isEmpty() ? eligible : alike).stream().map(Respondent::id).sorted(Comparator.naturalOrder()).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = Lottery.sha256((seed.strip() + "\n" + dropped).getBytes(StandardCharsets.UTF_8));
        int index = new BigInteger(1, digest).mod(BigInteger.valueOf(ids.size())).intValue();
        return Optional.of(ids.get(index));
    }

    static boolean keepsQuotas(Instance instance, List<Respondent> members) {
        for (Quota q : instance.quotas()) {
            long seated = members.stream().filter(r -> q.value().equals(r.features().get(q.feature()))).count();
            if (seated < q.min() || seated > q.max()) {
                return false;
            }
        }
        return true;
    }
}
