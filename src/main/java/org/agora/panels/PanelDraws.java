package org.agora.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.accounts.AgoraUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.CONFLICT;

/**
 * The transparent draw (docs/panels.md): the LEXIMIN distribution rounded to a lottery of M panels, published with its
 * SHA-256 before the draw; then the public seed typed by staff gives the panel's index; replacements of panelists who
 * drop out, each from a seed, logged publicly. Only pseudonyms are published.
 */
@Service
class PanelDraws {

    static final int DEFAULT_LOTTERY_SIZE = 1000;
    static final int MAX_SEED_LENGTH = 200;

    private final Panels panels;
    private final Volunteers volunteers;
    private final PanelSelections selections;
    private final PanelManagement management;
    private final PanelMails mails;
    private final ApplicationEventPublisher events;

    PanelDraws(Panels panels, Volunteers volunteers, PanelSelections selections, PanelManagement management,
               PanelMails mails, ApplicationEventPublisher events) {
        this.events = events;
        this.panels = panels;
        this.volunteers = volunteers;
        this.selections = selections;
        this.management = management;
        this.mails = mails;
    }

    /** Starts LEXIMIN or LEGACY on the current pool in the background. */
    @Transactional
    void select(AgoraUser user, long id, Algorithm algorithm) {
        Panel panel = management.requireTeam(user, id);
        if (!panel.status().poolOpen()) {
            throw new ResponseStatusException(CONFLICT, "The lottery is published");
        }
        Instance instance;
        try {
            instance = management.instance(panel);
        } catch (IllegalArgumentException tooFew) {
            throw new PanelRefused("panels.refused.poolTooSmall");
        }
        if (instance.quotas().isEmpty()) {
            throw new PanelRefused("panels.refused.noQuotas");
        }
        selections.request(id, instance, algorithm, id);
    }

    /** Replaces the panel's quotas by the relaxation the infeasible run proposed; the selection is to be run again. */
    @Transactional
    void applyRelaxation(AgoraUser user, long id) {
        Panel panel = management.requireTeam(user, id);
        if (!panel.status().poolOpen()) {
            throw new ResponseStatusException(CONFLICT, "The lottery is published");
        }
        PanelSelections.Run run = selections.find(id, Algorithm.LEXIMIN)
                .filter(found -> found.status() == PanelSelections.Status.INFEASIBLE && !found.relaxed().isEmpty())
                .orElseThrow(() -> new PanelRefused("panels.refused.noRelaxation"));
        panels.replaceQuotas(id, run.relaxed());
        selections.forget(id);
    }

    /** Rounds the LEXIMIN result to M panels and publishes them, pseudonymised, with the file's SHA-256. */
    @Transactional
    void publishLottery(AgoraUser user, long id, int m) {
        Panel panel = management.requireTeam(user, id);
        if (panel.status() != PanelStatus.SELECTED) {
            throw new PanelRefused("panels.refused.notSelected");
        }
        if (m < 1 || m > 100_000) {
            throw new PanelRefused("panels.refused.lotterySize");
        }
        SelectionResult result = selections.result(id, Algorithm.LEXIMIN)
                .orElseThrow(() -> new PanelRefused("panels.refused.notSelected"));
        Lottery lottery = Lottery.round(result, m);
        String csv = lottery.csv(Function.identity());
        panels.publishLottery(id, m, csv, lottery.panels().stream().map(Panels::sorted).toList(), Lottery.sha256Hex(csv),
                lottery.bound(), lottery.maxDeviation(), management.now());
    }

    /** The draw: the public seed gives the index of the published panel that sits; those drawn are mailed. */
    @Transactional
    int draw(AgoraUser user, long id, String seed) {
        Panel panel = management.requireTeam(user, id);
        String typed = seed == null ? "" : seed.strip();
        if (typed.isEmpty() || typed.length() > MAX_SEED_LENGTH) {
            throw new PanelRefused("panels.refused.seed");
        }
        panel = panels.lock(id).orElseThrow();
        if (panel.status() != PanelStatus.LOTTERY_PUBLISHED) {
            throw new PanelRefused("panels.refused.notPublished");
        }
        int index = Lottery.drawIndex(panel.lotterySha256(), typed, panel.lotterySize());
        List<String> members = panels.lotteryPanels(id).get(index);
        panels.drawn(id, typed, index, members, management.now());
        events.publishEvent(new PanelDrawn(id, panel.slug(), index));
        Map<String, Volunteer> byPseudonym = volunteers.pool(id).stream()
                .collect(Collectors.toMap(Volunteer::pseudonym, Function.identity()));
        for (String member : members) {
            Volunteer volunteer = byPseudonym.get(member);
            if (volunteer != null && volunteer.email() != null) {
                mails.drawn(panel, volunteer.email(), volunteer.name(), volunteer.language());
            }
        }
        return index;
    }

    /** Replaces a panelist who dropped out, keeping the quotas and household rule, from a seed typed by staff. */
    @Transactional
    String replace(AgoraUser user, long id, String dropped, String seed) {
        management.requireTeam(user, id);
        Panel panel = panels.lock(id).orElseThrow();
        String typed = seed == null ? "" : seed.strip();
        if (typed.isEmpty() || typed.length() > MAX_SEED_LENGTH) {
            throw new PanelRefused("panels.refused.seed");
        }
        if (panel.status() != PanelStatus.DRAWN) {
            throw new PanelRefused("panels.refused.notDrawn");
        }
        List<String> members = panel.memberList();
        if (!members.contains(dropped)) {
            throw new PanelRefused("panels.refused.notMember");
        }
        // Those who dropped out earlier are no longer volunteers (docs/panels.md, replacements).
        java.util.Set<String> declined = new java.util.HashSet<>();
        panels.replacements(id).forEach(replaced -> declined.add(replaced.dropped()));
        declined.add(dropped);
        Instance all = management.instance(panel);
        Instance instance = new Instance(all.k(), all.quotas(), all.pool().stream()
                .filter(respondent -> !declined.contains(respondent.id()) || respondent.id().equals(dropped)).toList());
        String replacement = Replacement.replacementFor(instance, members, dropped, typed)
                .orElseThrow(() -> new PanelRefused("panels.refused.noReplacement"));
        List<String> now = new ArrayList<>(new TreeSet<>(members));
        now.remove(dropped);
        now.add(replacement);
        panels.members(id, Panels.sorted(now), management.now());
        panels.replaced(id, dropped, replacement, typed, user.id().value(), management.now());
        volunteers.pool(id).stream().filter(volunteer -> volunteer.pseudonym().equals(replacement)).findFirst()
                .filter(volunteer -> volunteer.email() != null)
                .ifPresent(volunteer -> mails.drawn(panel, volunteer.email(), volunteer.name(), volunteer.language()));
        return replacement;
    }

    /** A cell of the export: quoted when needed, and never read as a formula by a spreadsheet. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return PanelManagement.csvField(safe);
    }

    /** The index a seed gives for a published lottery (the verification page). */
    Optional<Integer> indexFor(Panel panel, String seed) {
        if (panel.lotterySha256() == null || seed == null || seed.isBlank() || seed.length() > MAX_SEED_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(Lottery.drawIndex(panel.lotterySha256(), seed, panel.lotterySize()));
    }

    /** The current panel's people for their team: pseudonym, name, contact, features (CSV, UTF-8 with BOM). */
    @Transactional(readOnly = true)
    String export(AgoraUser user, long id) {
        Panel panel = management.requireTeam(user, id);
        List<String> features = VolunteerForm.Feature.of(panels.quotas(id)).stream().map(VolunteerForm.Feature::name).toList();
        StringBuilder csv = new StringBuilder("\uFEFFpseudonym,name,email,address,postcode");
        features.forEach(feature -> csv.append(',').append(PanelManagement.csvField(feature)));
        csv.append('\n');
        List<String> members = panel.memberList();
        for (Volunteer volunteer : volunteers.pool(id)) {
            if (!members.contains(volunteer.pseudonym())) {
                continue;
            }
            csv.append(volunteer.pseudonym());
            for (String value : new String[] {volunteer.name(), volunteer.email(), volunteer.address(), volunteer.postcode()}) {
                csv.append(',').append(value == null ? "" : cell(value));
            }
            features.forEach(feature -> csv.append(',')
                    .append(cell(volunteer.features().getOrDefault(feature, ""))));
            csv.append('\n');
        }
        return csv.toString();
    }
}
