package org.agora.accountability;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.PublicProposal;
import org.agora.shared.Clocks;
import org.agora.shared.Excerpts;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of a process's proposals, counted for the public: only published answers count, proposals hidden by
 * moderation and proposals merged into another are never counted (merged ones are not public proposals at all).
 */
@Service
@Transactional(readOnly = true)
class Breakdown implements BreakdownCatalog {

    static final int PAGE_SIZE = 20;

    /**
     * One bar of a chart: optional icon, its label (a message key when {@code key}), its count and the list it links to
     * (null when none), with how many of them are answered and where they are listed (null when not counted apart).
     */
    record Bar(String icon, String label, boolean key, long count, String link, Long answered, String answeredLink) {

        /** The bar's width in % of the largest count of its chart. */
        public long percentOf(long max) {
            return max == 0 ? 0 : Math.round(count * 100.0 / max);
        }
    }

    record Chart(List<Bar> bars) {

        public long max() {
            return bars.stream().mapToLong(Bar::count).max().orElse(0);
        }

        public long total() {
            return bars.stream().mapToLong(Bar::count).sum();
        }
    }

    record View(long total, long answered, Chart destinations, Chart territories, Chart themes) {
    }

    /** A proposal answered with a destination, for the public list of that destination. */
    record AnsweredRow(String reference, String title, String path, String answer, ZonedDateTime answeredAt) {
    }

    record AnsweredPage(Destination destination, List<AnsweredRow> rows, long total, int page, int totalPages) {
    }

    /** A public proposal of the process and its evaluation (null when nobody has taken it up yet). */
    record Counted(PublicProposal proposal, Evaluation evaluation) {

        boolean published() {
            return evaluation != null && evaluation.getState() == EvaluationState.PUBLISHED;
        }
    }

    private final ProposalCatalog proposals;
    private final Evaluations evaluations;
    private final Destinations destinations;
    private final TerritoryDirectory territories;
    private final ProcessRules processes;

    Breakdown(ProposalCatalog proposals, Evaluations evaluations, Destinations destinations, TerritoryDirectory territories,
              ProcessRules processes) {
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.destinations = destinations;
        this.territories = territories;
        this.processes = processes;
    }

    View of(ProcessSettings process, String language) {
        List<Counted> counted = counted(process);
        String list = "/processes/" + process.slug() + "/proposals";
        String suites = "/processes/" + process.slug() + "/suites";

        List<Bar> byDestination = new ArrayList<>();
        for (Destination destination : destinations.findByProcessIdOrderByPosition(process.id().value())) {
            long count = counted.stream().filter(c -> c.published()
                    && destination.getId().equals(c.evaluation().getDestinationId())).count();
            byDestination.add(new Bar(destination.getIcon().symbol(), destination.label(language), false, count,
                    suites + "/" + destination.getId(), null, null));
        }
        long underReview = counted.stream().filter(c -> c.evaluation() != null && !c.published()).count();
        long notExamined = counted.stream().filter(c -> c.evaluation() == null).count();
        byDestination.add(new Bar("…", "accountability.breakdown.underReview", true, underReview, null, null, null));
        byDestination.add(new Bar("○", "accountability.breakdown.notExamined", true, notExamined, null, null, null));

        List<Bar> byTerritory = new ArrayList<>();
        Set<Long> inDepartements = new HashSet<>();
        for (TerritoryView departement : departements(process)) {
            Set<Long> within = territories.selfAndDescendants(departement.id());
            inDepartements.addAll(within);
            List<Counted> there = counted.stream().filter(c -> within.contains(c.proposal().territoryId())).toList();
            byTerritory.add(bar(departement.name(), there, list + "?territory=" + departement.id()));
        }
        List<Counted> elsewhere = counted.stream().filter(c -> !inDepartements.contains(c.proposal().territoryId())).toList();
        if (!elsewhere.isEmpty()) {
            byTerritory.add(new Bar(null, "accountability.breakdown.wholeTerritory", true, elsewhere.size(), null,
                    elsewhere.stream().filter(Counted::published).count(), null));
        }

        List<Bar> byTheme = new ArrayList<>();
        for (String theme : process.themes()) {
            List<Counted> there = counted.stream().filter(c -> theme.equals(c.proposal().theme())).toList();
            byTheme.add(bar(theme, there, list + "?theme=" + java.net.URLEncoder.encode(theme, java.nio.charset.StandardCharsets.UTF_8)));
        }
        long answered = counted.stream().filter(Counted::published).count();
        return new View(counted.size(), answered, new Chart(byDestination), new Chart(byTerritory), new Chart(byTheme));
    }

    private static Bar bar(String label, List<Counted> there, String link) {
        return new Bar(null, label, false, there.size(), link, there.stream().filter(Counted::published).count(),
                link + "&status=answered");
    }

    /** One page (1-based) of the counted proposals answered with this destination, the latest answer first. */
    AnsweredPage answeredWith(ProcessSettings process, Destination destination, int page) {
        List<Counted> answered = counted(process).stream()
                .filter(c -> c.published() && destination.getId().equals(c.evaluation().getDestinationId()))
                .sorted(Comparator.comparing((Counted c) -> c.evaluation().getPublishedAt()).reversed()
                        .thenComparing(c -> c.proposal().reference()))
                .toList();
        int totalPages = Math.max(1, (answered.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), totalPages);
        List<AnsweredRow> rows = answered.stream().skip((long) (current - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .map(c -> new AnsweredRow(c.proposal().reference(), c.proposal().title(), c.proposal().path(),
                        Excerpts.of(c.evaluation().getAnswerText(), 240), c.evaluation().getPublishedAt().atZone(Clocks.PARIS)))
                .toList();
        return new AnsweredPage(destination, rows, answered.size(), current, totalPages);
    }

    /** The destinations that are public pages: those of the process. */
    java.util.Optional<Destination> destination(ProcessSettings process, long destinationId) {
        return destinations.findById(destinationId).filter(d -> d.getProcessId() == process.id().value());
    }

    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>();
        for (String slug : processes.publicSlugsWith(ProcessFeature.PROPOSALS)) {
            paths.add("/processes/" + slug + "/suites");
            processes.bySlug(slug).ifPresent(process -> destinations.findByProcessIdOrderByPosition(process.id().value())
                    .forEach(d -> paths.add("/processes/" + slug + "/suites/" + d.getId())));
        }
        return paths;
    }

    /** The départements of the process's territory (or the territory itself when it is one), tree-ordered. */
    private List<TerritoryView> departements(ProcessSettings process) {
        return territories.scopes().stream().filter(t -> t.kind() == TerritoryKind.DEPARTEMENT)
                .filter(t -> territories.isWithin(t.id(), process.territoryId())).toList();
    }

    private List<Counted> counted(ProcessSettings process) {
        return counted(process, false);
    }

    /** The public proposals of the process (with those hidden by moderation or not), in publication order. */
    List<Counted> counted(ProcessSettings process, boolean withHidden) {
        Map<Long, Evaluation> byProposal = new HashMap<>();
        evaluations.findByProcessId(process.id().value()).forEach(e -> byProposal.put(e.getProposalId(), e));
        return proposals.allPublic().stream()
                .filter(p -> p.processId().equals(process.id()) && (withHidden || !p.hidden()))
                .map(p -> new Counted(p, byProposal.get(p.id().value())))
                .toList();
    }
}
