package org.agora.panels;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.agora.meetings.MeetingCatalog;
import org.agora.meetings.MeetingId;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the panel templates need besides the panel: names of territories, links to the process and meetings, dates. */
@Component
class PanelViews {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);

    /** A link to another module's page. */
    record Link(String label, String path) {
    }

    private final TerritoryDirectory territories;
    private final ProcessCatalog processes;
    private final MeetingCatalog meetings;
    private final MessageSource messages;

    PanelViews(TerritoryDirectory territories, ProcessCatalog processes, MeetingCatalog meetings,
               MessageSource messages) {
        this.territories = territories;
        this.processes = processes;
        this.meetings = meetings;
        this.messages = messages;
    }

    /** A stored line of an infeasibility explanation, in the reader's language. */
    public String explain(String storedLine) {
        InfeasibilityReason reason = InfeasibilityReason.read(storedLine);
        String key = reason.messageKey();
        return key == null ? reason.english()
                : messages.getMessage(key, reason.args().toArray(), reason.english(), LocaleContextHolder.getLocale());
    }

    public String territory(long id) {
        return territories.find(id).map(TerritoryView::label).orElse("?");
    }

    public Link process(Panel panel) {
        return panel.processId() == null ? null : processes.findPublic(new ProcessId(panel.processId()))
                .map(process -> new Link(process.title(), process.path())).orElse(null);
    }

    public List<Link> meetings(Panel panel) {
        return panel.meetingIdList().stream().map(id -> meetings.findPublic(new MeetingId(id)))
                .flatMap(java.util.Optional::stream).map(meeting -> new Link(meeting.title(), meeting.path())).toList();
    }

    /** A time in Europe/Paris, "dd/MM/yyyy HH:mm"; empty for null. */
    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant.atZone(Clocks.PARIS));
    }

    /** A probability as a percentage with two decimals. */
    public String percent(Double value) {
        return value == null ? "" : String.format(Locale.FRANCE, "%.2f %%", value * 100);
    }

    public List<TerritoryView> scopes() {
        return territories.scopes();
    }

    public List<ProcessLink> processChoices() {
        return processes.allPublic().stream().map(process -> new ProcessLink(process.id().value(), process.title())).toList();
    }

    record ProcessLink(long id, String title) {
    }
}
