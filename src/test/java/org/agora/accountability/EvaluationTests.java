package org.agora.accountability;

import java.util.List;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The evaluation workflow through the staff pages, and what the public sees of it. */
@AgoraTest
class EvaluationTests extends EvaluationTestSupport {

    @Test
    void staffAssignProposalsOneByOneOrInBulkToEvaluatorsOfTheProcess() throws Exception {
        PublicProposal first = proposal("Des pistes cyclables entre les lycées");
        PublicProposal second = proposal("Un bus de nuit le samedi soir");
        PublicProposal third = proposal("Des abris vélos aux gares");

        assign(first, evaluator);
        send(evaluator, base() + "/evaluation/bulk", "action", "assign", "assignee", Long.toString(evaluator.id().value()),
                "proposal", Long.toString(second.id().value()), "proposal", Long.toString(third.id().value()))
                .andExpect(flash().attribute("flash", "accountability.evaluation.flash.assign"));

        assertThat(List.of(state(first), state(second), state(third))).containsOnly("ASSIGNED");
        page(evaluator, base() + "/evaluation?state=ASSIGNED&assignee=" + evaluator.id().value())
                .andExpect(status().isOk()).andExpect(content().string(containsString("Un bus de nuit le samedi soir")));
        page(evaluator, base() + "/evaluation?state=NONE")
                .andExpect(content().string(not(containsString("Un bus de nuit le samedi soir"))));
    }

    @Test
    void proposalsAreAssignedOnlyToEvaluatorsOfTheProcessAndBulkActionsNeedASelection() throws Exception {
        PublicProposal proposal = proposal("Une cantine bio dans chaque lycée");
        send(evaluator, base() + "/evaluation/bulk", "action", "assign",
                "assignee", Long.toString(otherProcessStaff().id().value()), "proposal", Long.toString(proposal.id().value()))
                .andExpect(flash().attribute("flashError", "accountability.evaluation.error.assignee"));
        send(evaluator, base() + "/evaluation/bulk", "action", "assign", "assignee", Long.toString(evaluator.id().value()))
                .andExpect(flash().attribute("flashError", "accountability.evaluation.error.noneSelected"));
        assertThat(state(proposal)).isEqualTo("NONE");
    }

    @Test
    void notesAndProposedAnswersStayPrivateUntilPublicationOnlyUnderReviewIsShown() throws Exception {
        PublicProposal proposal = proposal("Des fontaines dans les parcs publics");
        assertThat(publicPage(proposal)).doesNotContain("En cours d&#39;examen");
        assign(proposal, evaluator);
        send(evaluator, base() + "/evaluation/" + proposal.id().value() + "/notes", "note", "Voir avec le service des eaux")
                .andExpect(status().is3xxRedirection());
        answer(proposal, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Vingt fontaines seront posées.", "",
                version(proposal)).andExpect(status().is3xxRedirection());

        page(evaluator, base() + "/evaluation/" + proposal.id().value())
                .andExpect(content().string(containsString("Voir avec le service des eaux")));
        String html = publicPage(proposal);
        assertThat(html).contains("En cours d&#39;examen").doesNotContain("Voir avec le service des eaux")
                .doesNotContain("Vingt fontaines").doesNotContain("Mesure immédiate");
    }

    @Test
    void anAdministratorValidatesThenPublishesAndTheAuthorSupportersAndFollowersAreTold() throws Exception {
        PublicProposal proposal = proposal("Des navettes vers les gares rurales");
        AgoraUser supporter = person("soutien", NotificationFrequency.NEVER);
        AgoraUser follower = person("curieuse", NotificationFrequency.NEVER);
        AgoraUser bystander = person("passant", NotificationFrequency.NEVER);
        proposals.support(proposal.id(), supporter);
        jdbc.update("INSERT INTO resource_follow (account_id, resource_type, resource_id, created_at) VALUES (?, 'proposal', ?, CURRENT_TIMESTAMP)",
                follower.id().value(), proposal.id().value());
        assign(proposal, evaluator);
        answer(proposal, evaluator, destination(DestinationKind.WORK_PROGRAMME), "Elle nourrit le chantier des mobilités.",
                "", version(proposal)).andExpect(status().is3xxRedirection());

        send(evaluator, base() + "/evaluation/" + proposal.id().value() + "/validate").andExpect(status().isForbidden());
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/validate")
                .andExpect(flash().attribute("flash", "accountability.evaluation.flash.validate"));
        assertThat(state(proposal)).isEqualTo("VALIDATED");
        assertThat(publicPage(proposal)).doesNotContain("chantier des mobilités");

        send(administrator, base() + "/evaluation/publish-validated").andExpect(status().is3xxRedirection());

        assertThat(state(proposal)).isEqualTo("PUBLISHED");
        String html = publicPage(proposal);
        assertThat(html).contains("Elle nourrit le chantier des mobilités.", "Chantier", "⚙", "Réponse publiée",
                "En cours d&#39;examen", "Publiée");
        assertThat(jdbc.queryForObject("SELECT answered_at IS NOT NULL FROM proposal WHERE id = ?", Boolean.class,
                proposal.id().value())).isTrue();
        assertThat(jdbc.queryForObject("SELECT answered FROM search_entries WHERE resource_type = 'proposal' AND resource_id = ?",
                Boolean.class, proposal.id().value())).as("search's answered filter").isTrue();
        for (AgoraUser told : List.of(author, supporter, follower)) {
            assertThat(jdbc.queryForList("SELECT kind FROM notice WHERE recipient_id = ?", String.class, told.id().value()))
                    .containsOnlyOnce("ANSWER_PUBLISHED");
        }
        assertThat(jdbc.queryForList("SELECT kind FROM notice WHERE recipient_id = ?", String.class,
                bystander.id().value())).doesNotContain("ANSWER_PUBLISHED");
        assertThat(jdbc.queryForList("SELECT subject FROM mail_outbox WHERE account_id = ? AND kind = 'NOTICE'",
                String.class, author.id().value()))
                .anySatisfy(subject -> assertThat(subject).contains("a reçu une réponse", "Chantier"));
        send(evaluator, base() + "/evaluation/" + proposal.id().value() + "/notes", "note", "Trop tard ?")
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void withPublicationOnValidationAnAnswerIsPublishedWhenValidatedAndBulkActionsWork() throws Exception {
        send(administrator, base() + "/evaluation/settings", "publishOnValidation", "true").andExpect(status().is3xxRedirection());
        PublicProposal first = proposal("Un tiers-lieu dans chaque canton");
        PublicProposal second = proposal("Une maison de santé itinérante");
        for (PublicProposal proposal : List.of(first, second)) {
            assign(proposal, evaluator);
            answer(proposal, evaluator, destination(DestinationKind.OTHER_LEVEL), "Transmise au département.", "",
                    version(proposal));
        }
        send(administrator, base() + "/evaluation/bulk", "action", "validate",
                "proposal", Long.toString(first.id().value()), "proposal", Long.toString(second.id().value()));
        assertThat(List.of(state(first), state(second))).containsOnly("PUBLISHED");
        assertThat(publicPage(second)).contains("Transmise au département.", "Autre échelon");
    }

    @Test
    void aDestinationThatRequiresAReasonRefusesAnAnswerWithoutOne() throws Exception {
        PublicProposal proposal = proposal("Un aéroport dans chaque village");
        assign(proposal, evaluator);
        answer(proposal, evaluator, destination(DestinationKind.NOT_RETAINED), "Merci pour votre idée.", " ", version(proposal))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Cette destination exige une raison.")));
        answer(proposal, evaluator, 987654321L, "Merci pour votre idée.", "", version(proposal))
                .andExpect(status().isBadRequest());
        answer(proposal, evaluator, destination(DestinationKind.CHARTER), "", "", version(proposal))
                .andExpect(status().isBadRequest());
        assertThat(state(proposal)).isEqualTo("ASSIGNED");
        answer(proposal, evaluator, destination(DestinationKind.NOT_RETAINED), "Merci pour votre idée.",
                "Hors des compétences publiques.", version(proposal)).andExpect(status().is3xxRedirection());
        assertThat(state(proposal)).isEqualTo("PROPOSED");
    }

    @Test
    void templatesFillPseudonymTitleAndReferenceAndApplyInBulkWithADestination() throws Exception {
        PublicProposal first = proposal("Des jardins partagés en ville");
        PublicProposal second = proposal("Des composteurs dans les quartiers");
        send(evaluator, base() + "/answer-templates", "name", "Merci", "text", "Merci {pseudonyme} pour « {titre} » ({reference}).")
                .andExpect(status().is3xxRedirection());
        send(evaluator, base() + "/answer-templates", "name", "Merci", "text", "Encore").andExpect(status().isBadRequest());
        send(evaluator, base() + "/answer-templates", "name", "Vide", "text", " ").andExpect(status().isBadRequest());
        long template = jdbc.queryForObject("SELECT id FROM answer_template WHERE process_id = ? AND name = 'Merci'",
                Long.class, processId);

        page(evaluator, base() + "/evaluation/" + first.id().value() + "?template=" + template).andExpect(status().isOk());
        send(evaluator, base() + "/evaluation/bulk", "action", "template", "templateId", Long.toString(template),
                "destinationId", Long.toString(destination(DestinationKind.CHARTER)),
                "proposal", Long.toString(first.id().value()), "proposal", Long.toString(second.id().value()))
                .andExpect(flash().attribute("flash", "accountability.evaluation.flash.template"));

        assertThat(jdbc.queryForObject("SELECT answer_text FROM evaluation WHERE proposal_id = ?", String.class,
                first.id().value())).isEqualTo("Merci " + accounts.find(author.id()).orElseThrow().pseudonym()
                + " pour « Des jardins partagés en ville » (" + first.reference() + ").");
        assertThat(state(second)).isEqualTo("PROPOSED");
    }

    @Test
    void aSecondPersonAnsweringFromAStaleVersionIsToldAndSeesTheCurrentAnswerNothingIsLost() throws Exception {
        PublicProposal proposal = proposal("Des bancs le long de la Loire");
        assign(proposal, evaluator);
        long read = version(proposal);
        AgoraUser colleague = people.staff(org.agora.accounts.RoleScope.process(processId));

        answer(proposal, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Cent bancs seront posés.", "", read)
                .andExpect(status().is3xxRedirection());
        answer(proposal, colleague, destination(DestinationKind.CHARTER), "Elle nourrit la charte.", "", read)
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Cent bancs seront posés.")))
                .andExpect(content().string(containsString("Elle nourrit la charte.")));

        assertThat(jdbc.queryForObject("SELECT answer_text FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value())).isEqualTo("Cent bancs seront posés.");
    }

    @Test
    void twoEvaluatorsAnsweringAtOnceFromTheSameVersionOneIsSavedTheOtherIsToldNothingIsMixed() throws Exception {
        PublicProposal proposal = proposal("Des cours de natation pour tous les enfants");
        assign(proposal, evaluator);
        long read = version(proposal);
        AgoraUser colleague = people.staff(org.agora.accounts.RoleScope.process(processId));
        long destination = destination(DestinationKind.IMMEDIATE_MEASURE);
        String link = linkFor(destination);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
        for (AgoraUser person : List.of(evaluator, colleague)) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    management.propose(person, processId, proposal.id().value(), read,
                            new EvaluationManagement.AnswerDraft(destination, "Réponse de " + person.pseudonym(), null, link));
                    return "saved";
                } catch (EvaluationManagement.AnswerConflict | org.springframework.dao.ConcurrencyFailureException told) {
                    return "told";
                }
            }));
        }
        start.countDown();
        List<String> results = new java.util.ArrayList<>();
        for (var outcome : outcomes) {
            results.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).containsExactlyInAnyOrder("saved", "told");
        String winner = results.get(0).equals("saved") ? evaluator.pseudonym() : colleague.pseudonym();
        assertThat(jdbc.queryForObject("SELECT answer_text FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value())).isEqualTo("Réponse de " + winner);
        assertThat(version(proposal)).isEqualTo(read + 1);
    }

    @Test
    void theDatabaseRefusesAnUpdateOfAnEvaluationChangedMeanwhile() throws Exception {
        PublicProposal proposal = proposal("Des toilettes publiques propres");
        assign(proposal, evaluator);
        Evaluations evaluations = context.getBean(Evaluations.class);
        PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long destination = destination(DestinationKind.CHARTER);

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            Evaluation stale = evaluations.findByProposalId(proposal.id().value()).orElseThrow();
            inner.executeWithoutResult(other -> evaluations.findByProposalId(proposal.id().value()).orElseThrow()
                    .propose(destination, "Première réponse.", null, evaluator.id().value(), java.time.Instant.now()));
            stale.propose(destination, "Seconde réponse.", null, evaluator.id().value(), java.time.Instant.now());
            evaluations.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(jdbc.queryForObject("SELECT answer_text FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value())).isEqualTo("Première réponse.");
    }

    @Test
    void participantsAndStaffOfOtherProcessesAreRefusedAndUnknownProposalsAreNotFound() throws Exception {
        PublicProposal proposal = proposal("Une ludothèque itinérante");
        AgoraUser participant = people.participant();
        AgoraUser outsider = otherProcessStaff();
        for (AgoraUser refused : List.of(participant, outsider)) {
            page(refused, base() + "/evaluation").andExpect(status().isForbidden());
            page(refused, base() + "/evaluation/" + proposal.id().value()).andExpect(status().isForbidden());
            page(refused, base() + "/answer-templates").andExpect(status().isForbidden());
            send(refused, base() + "/evaluation/bulk", "action", "assign", "assignee", Long.toString(refused.id().value()),
                    "proposal", Long.toString(proposal.id().value())).andExpect(status().isForbidden());
        }
        send(evaluator, base() + "/evaluation/publish-validated").andExpect(status().isForbidden());
        send(evaluator, base() + "/evaluation/settings", "publishOnValidation", "true").andExpect(status().isForbidden());
        page(evaluator, base() + "/evaluation/987654321").andExpect(status().isNotFound());
        page(evaluator, "/admin/processes/987654321/evaluation").andExpect(status().isNotFound());
        assertThat(state(proposal)).isEqualTo("NONE");
    }
}
