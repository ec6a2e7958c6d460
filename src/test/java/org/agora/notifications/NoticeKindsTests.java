package org.agora.notifications;

import org.agora.AgoraTest;
import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.moderation.ContentHidden;
import org.agora.moderation.ContentRestored;
import org.agora.moderation.ModerationReason;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told what, and who is not. Events are published as the feature modules publish them. */
@AgoraTest
@Import(NotificationsTestSetup.class)
class NoticeKindsTests extends NotificationTestSupport {

    @Test
    void authorsFollowWhatTheyPublishAndSupportersWhatTheySupport() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("auteur", NotificationFrequency.NEVER);
        AgoraUser supporter = person("soutien", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Des navettes vers les gares rurales");

        proposals.support(proposal.id(), supporter);

        assertThat(follows(author, ref(proposal))).isTrue();
        assertThat(follows(supporter, ref(proposal))).isTrue();
    }

    @Test
    void peopleWhoTurnedAutomaticFollowingOffFollowNothingByThemselves() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("discret", NotificationFrequency.NEVER);
        AgoraUser supporter = person("discrete", NotificationFrequency.NEVER);
        context.getBean(NotificationPreferences.class).autoFollow(author.id(), false);
        context.getBean(NotificationPreferences.class).autoFollow(supporter.id(), false);
        PublicProposal proposal = proposal(process, author, "Des bancs le long de la Loire");

        proposals.support(proposal.id(), supporter);

        assertThat(follows(author, ref(proposal))).isFalse();
        assertThat(follows(supporter, ref(proposal))).isFalse();
    }

    @Test
    void aNewCommentTellsTheFollowersAndTheAuthorButNeverTheCommenter() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("autrice", NotificationFrequency.NEVER);
        AgoraUser follower = person("curieux", NotificationFrequency.NEVER);
        AgoraUser commenter = person("bavard", NotificationFrequency.NEVER);
        AgoraUser bystander = person("passant", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Un composteur dans chaque quartier");
        follow(follower, ref(proposal));
        follow(commenter, ref(proposal));

        long comment = commentOn(ref(proposal), commenter, null, null);

        String expected = "NEW_COMMENT " + proposal.path() + "#comment-" + comment;
        assertThat(noticesOf(author)).containsExactly(expected);
        assertThat(noticesOf(follower)).containsExactly(expected);
        assertThat(noticesOf(commenter)).isEmpty();
        assertThat(noticesOf(bystander)).isEmpty();
    }

    @Test
    void theAuthorOfAProposalIsToldOfCommentsEvenWithoutFollowingIt() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("distrait", NotificationFrequency.NEVER);
        context.getBean(NotificationPreferences.class).autoFollow(author.id(), false);
        PublicProposal proposal = proposal(process, author, "Des fontaines à eau dans les parcs");

        commentOn(ref(proposal), person("voisin", NotificationFrequency.NEVER), null, null);

        assertThat(kindsOf(author)).containsExactly("NEW_COMMENT");
    }

    @Test
    void aCommentOnAProposalTellsTheFollowersOfItsProcess() {
        ProcessSettings process = openProcess(null);
        ProcessSettings other = openProcess(null);
        AgoraUser processFollower = person("veilleur", NotificationFrequency.NEVER);
        AgoraUser otherFollower = person("ailleurs", NotificationFrequency.NEVER);
        follow(processFollower, ref(process));
        follow(otherFollower, ref(other));
        PublicProposal proposal = proposal(process, person("porteur", NotificationFrequency.NEVER), "Des jardins partagés");

        commentOn(ref(proposal), person("jardinier", NotificationFrequency.NEVER), null, null);

        assertThat(kindsOf(processFollower)).containsExactly("NEW_COMMENT");
        assertThat(kindsOf(otherFollower)).isEmpty();
    }

    @Test
    void aReplyTellsTheParentCommentsAuthorOnceAsAReply() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("initiatrice", NotificationFrequency.NEVER);
        AgoraUser first = person("premier", NotificationFrequency.NEVER);
        AgoraUser replier = person("second", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Une ligne de bus le dimanche");
        follow(first, ref(proposal));
        long parent = commentOn(ref(proposal), first, null, null);

        long reply = commentOn(ref(proposal), replier, parent, first);

        assertThat(noticesOf(first)).containsExactly("REPLY " + proposal.path() + "#comment-" + reply);
        assertThat(kindsOf(author)).containsExactly("NEW_COMMENT", "NEW_COMMENT");
        assertThat(kindsOf(replier)).isEmpty();
    }

    @Test
    void replyingToOneselfTellsNobodyOfAReply() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("monologue", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Des toilettes publiques propres");
        long parent = commentOn(ref(proposal), author, null, null);

        commentOn(ref(proposal), author, parent, author);

        assertThat(kindsOf(author)).isEmpty();
    }

    @Test
    void hiddenAndRestoredContentIsToldToItsAuthorOnlyWithTheReason() {
        AgoraUser author = person("redacteur", NotificationFrequency.NEVER);
        AgoraUser other = person("lecteur", NotificationFrequency.NEVER);
        ResourceRef note = notes.write(4242, author.id());
        follow(other, note);

        publishCommitted(new ContentHidden(note, author.id(), ModerationReason.OFF_TOPIC, false));
        publishCommitted(new ContentRestored(note, author.id()));

        assertThat(noticesOf(author)).containsExactly("CONTENT_RESTORED /test-notes/4242", "CONTENT_HIDDEN /test-notes/4242");
        assertThat(kindsOf(other)).isEmpty();
        String text = context.getBean(NoticeMails.class).text(context.getBean(Notices.class)
                .findAllByRecipient(author.id().value()).getLast(), java.util.Locale.FRENCH);
        assertThat(text).isEqualTo("Votre contribution « Le marché de Blois devrait ouvrir le dimanche matin, tout le "
                + "monde y gagnerait. » a été masquée par la modération (motif : hors sujet)");
    }

    @Test
    void aHiddenProposalsNoticeOpensItsPage() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("masque", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Une proposition bientôt masquée");

        publishCommitted(new ContentHidden(ref(proposal), author.id(), ModerationReason.SPAM, true));

        assertThat(noticesOf(author)).containsExactly("CONTENT_HIDDEN " + proposal.path());
    }

    @Test
    void aReachedThresholdTellsAdministratorsTheProcessStaffAndFollowersButNotOtherStaff() {
        ProcessSettings process = openProcess(2);
        ProcessSettings other = openProcess(2);
        AgoraUser administrator = people.administrator();
        AgoraUser agent = people.someone("agent", new RoleGrant(Role.STAFF, RoleScope.process(process.id().value())));
        AgoraUser otherAgent = people.someone("agent", new RoleGrant(Role.STAFF, RoleScope.process(other.id().value())));
        AgoraUser moderator = people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        AgoraUser author = person("populaire", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Un festival des associations");

        proposals.support(proposal.id(), person("fan", NotificationFrequency.NEVER));
        assertThat(kindsOf(agent)).isEmpty();
        proposals.support(proposal.id(), person("fanatique", NotificationFrequency.NEVER));

        String expected = "THRESHOLD_REACHED " + proposal.path();
        assertThat(noticesOf(administrator)).containsExactly(expected);
        assertThat(noticesOf(agent)).containsExactly(expected);
        assertThat(noticesOf(author)).containsExactly(expected);
        assertThat(kindsOf(otherAgent)).isEmpty();
        assertThat(kindsOf(moderator)).isEmpty();
    }

    @Test
    void aMergeTellsBothAuthorsInTheirLanguageWithALinkToTheKeptProposalAndMovesItsFollowers() {
        ProcessSettings process = openProcess(null);
        AgoraUser duplicateAuthor = person("doublon", NotificationFrequency.IMMEDIATE);
        AgoraUser keptAuthor = person("gardee", NotificationFrequency.IMMEDIATE);
        jdbc.update("UPDATE account SET language = 'en' WHERE id = ?", keptAuthor.id().value());
        PublicProposal duplicate = proposal(process, duplicateAuthor, "Un marché de producteurs le samedi");
        PublicProposal kept = proposal(process, keptAuthor, "Un marché de producteurs chaque semaine");
        AgoraUser bystander = person("passante", NotificationFrequency.NEVER);
        proposals.support(duplicate.id(), bystander);

        proposals.merge(people.administrator(), duplicate, kept);

        String expected = "PROPOSAL_MERGED " + kept.path();
        assertThat(noticesOf(duplicateAuthor)).containsExactly(expected);
        assertThat(noticesOf(keptAuthor)).containsExactly(expected);
        assertThat(kindsOf(bystander)).isEmpty();
        assertThat(follows(bystander, ref(kept))).as("the duplicate's follower follows the kept proposal").isTrue();
        assertThat(follows(bystander, ref(duplicate))).isFalse();
        assertThat(outbox.to(duplicateAuthor.email()).getFirst().subject()).isEqualTo("La proposition "
                + duplicate.reference() + " a été fusionnée avec « Un marché de producteurs chaque semaine » : "
                + "ses soutiens comptent désormais pour celle-ci");
        assertThat(outbox.to(keptAuthor.email()).getFirst().subject()).isEqualTo("Proposal " + duplicate.reference()
                + " was merged into “Un marché de producteurs chaque semaine”: its supports now count for it");
    }

    @Test
    void aDeletedAccountGetsNoNoticeAndItsFollowsAndNoticesAreErased() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("partant", NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Des ateliers de réparation de vélos");
        commentOn(ref(proposal), person("cycliste", NotificationFrequency.NEVER), null, null);
        assertThat(kindsOf(author)).hasSize(1);

        publishCommitted(new AccountDeleted(author.id()));

        assertThat(kindsOf(author)).isEmpty();
        assertThat(follows(author, ref(proposal))).isFalse();
    }
}
