package org.agora.library;

import java.util.List;

import org.agora.programmes.ProjectShowcased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lists the support programmes' showcased projects among the initiatives, in the same transaction as the showcase:
 * one initiative per project, rewritten when the showcase is, with a link back to the project's page.
 */
@Component
class ShowcasedProjects {

    static final String TAG = "projet soutenu par la région";
    private static final Logger log = LoggerFactory.getLogger(ShowcasedProjects.class);

    private final InitiativeManagement initiatives;

    ShowcasedProjects(InitiativeManagement initiatives) {
        this.initiatives = initiatives;
    }

    @EventListener
    void on(ProjectShowcased project) {
        InitiativeDraft draft = new InitiativeDraft(project.title(), summary(project.done()), InitiativeKind.OTHER,
                project.territoryId(), project.organisationId(), null, project.tools(), project.retainedOn(), null,
                project.results() + "\n\n" + project.path(), "", project.contactName(), project.contactEmail(),
                List.of(TAG));
        if (!draft.problems().isEmpty()) {
            // Refusing here would roll the showcase back with it: the project page stays, the catalogue goes without.
            log.warn("Showcased project {} not listed among the initiatives: {}", project.applicationId(), draft.problems());
            return;
        }
        initiatives.publishShowcase("programmes:" + project.applicationId(), draft);
    }

    private static String summary(String done) {
        return done.length() <= 1000 ? done : done.substring(0, 999) + "…";
    }
}
