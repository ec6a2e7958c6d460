package org.agora.proposals;

import java.time.Instant;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.comments.CommentImport;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ModerationTarget;
import org.agora.processes.ProcessSettings;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Proposals as moderation's content: hidden ones keep their place with the reason, and blocked people cannot write. */
@AgoraTest
class ProposalModerationTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired List<ModerationTarget> moderationTargets;
    @Autowired CommentImport comments;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser author;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        author = bed.people.participant();
    }

    ModerationTarget target(String type) {
        return moderationTargets.stream().filter(target -> target.type().equals(type)).findFirst().orElseThrow();
    }

    String page(String reference) {
        return "/processes/" + process.slug() + "/proposals/" + reference;
    }

    @Test
    void moderatorsSeeTheProposalItsProcessAndItsPage() {
        String reference = bed.publish(process, author, "Des bancs dans les parcs", bed.eastCommune, "Mobilités");
        long id = bed.idOf(reference);

        assertThat(target("proposal").find(id)).hasValueSatisfying(found -> {
            assertThat(found.author()).isEqualTo(author.id());
            assertThat(found.processId()).isEqualTo(process.id().value());
            assertThat(found.excerpt()).startsWith("Des bancs dans les parcs — ");
            assertThat(found.path()).isEqualTo(page(reference));
            assertThat(found.hidden()).isFalse();
        });
        assertThat(target("proposal").find(999_999_999L)).isEmpty();
    }

    @Test
    void aHiddenProposalKeepsItsPlaceWithItsReasonAndItsAuthorStillReadsIt() throws Exception {
        String reference = bed.publish(process, author, "Un titre à masquer ici", bed.eastCommune, "Mobilités");
        target("proposal").hide(bed.idOf(reference), ModerationReason.PERSONAL_DATA);

        mvc.perform(get("/processes/" + process.slug() + "/proposals"))
                .andExpect(content().string(containsString("Masquée par la modération — motif : données personnelles")))
                .andExpect(content().string(not(containsString("Un titre à masquer ici"))));
        mvc.perform(get(page(reference)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Masquée par la modération — motif : données personnelles")))
                .andExpect(content().string(not(containsString("Un titre à masquer ici"))))
                .andExpect(content().string(not(containsString("Un texte assez long"))));
        mvc.perform(get(page(reference)).with(as(author)))
                .andExpect(content().string(containsString("Un titre à masquer ici")))
                .andExpect(content().string(containsString("Vous seul voyez encore son texte")));
        assertThat(target("proposal").find(bed.idOf(reference))).hasValueSatisfying(found -> assertThat(found.hidden()).isTrue());

        target("proposal").restore(bed.idOf(reference));
        mvc.perform(get(page(reference))).andExpect(content().string(containsString("Un titre à masquer ici")));
    }

    @Test
    void aHiddenProposalTakesNoSupportAndNoComment() throws Exception {
        String reference = bed.publish(process, author);
        target("proposal").hide(bed.idOf(reference), ModerationReason.SPAM);
        AgoraUser supporter = bed.people.participant();

        mvc.perform(post(page(reference) + "/support").with(as(supporter)).with(csrf()))
                .andExpect(flash().attribute("flashError", "proposals.support.refused.hidden"));
        assertThat(bed.supportRows(bed.idOf(reference))).isZero();
        mvc.perform(get(page(reference)).with(as(supporter)))
                .andExpect(content().string(containsString("les commentaires sont fermés")));
    }

    @Test
    void theCommentCountFollowsCommentsHiddenAndRestored() {
        String reference = bed.publish(process, author);
        long id = bed.idOf(reference);
        ResourceRef proposal = new ResourceRef("proposal", id);
        long first = comments.record(proposal, null, bed.people.participant().id(), CommentImport.Stance.FOR,
                "Tout à fait d’accord", Instant.now());
        comments.record(proposal, null, bed.people.participant().id(), CommentImport.Stance.AGAINST,
                "Pas du tout d’accord", Instant.now());

        target("comment").hide(first, ModerationReason.OFFENSIVE);
        assertThat(commentCount(id)).isEqualTo(1);
        assertThat(target("comment").find(first)).hasValueSatisfying(found ->
                assertThat(found.processId()).isEqualTo(process.id().value()));

        target("comment").restore(first);
        assertThat(commentCount(id)).isEqualTo(2);
    }

    @Test
    void aBlockedParticipantCannotProposeNorSupport() throws Exception {
        String reference = bed.publish(process, author);
        AgoraUser troll = bed.people.participant();
        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(bed.people.administrator()))
                .param("email", troll.email()).param("reason", "Publicité répétée")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/processes/" + process.slug() + "/proposals/new").with(as(troll)))
                .andExpect(flash().attribute("flashError", "proposals.refused.blocked"));
        mvc.perform(post("/processes/" + process.slug() + "/proposals").with(as(troll)).with(csrf())
                        .param("title", "Une proposition bloquée").param("body", "Un texte assez long pour être une proposition.")
                        .param("territoryId", String.valueOf(bed.eastCommune)).param("theme", "Mobilités"))
                .andExpect(flash().attribute("flashError", "proposals.refused.blocked"));
        mvc.perform(post(page(reference) + "/support").with(as(troll)).with(csrf()))
                .andExpect(flash().attribute("flashError", "proposals.refused.blocked"));
        assertThat(bed.proposalsTitled("Une proposition bloquée")).isZero();
        assertThat(bed.supportRows(bed.idOf(reference))).isZero();
    }

    private int commentCount(long proposalId) {
        return bed.jdbc.queryForObject("SELECT comment_count FROM proposal WHERE id = ?", Integer.class, proposalId);
    }
}
