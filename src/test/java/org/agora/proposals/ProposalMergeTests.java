package org.agora.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.agora.AgoraTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.agora.proposals.ProposalSupportTests.someone;
import static org.agora.proposals.ProposalSupportTests.together;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProposalMergeTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ProposalSupports supports;
    @Autowired ProposalMerging merging;
    @Autowired ProposalCatalog catalog;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser staff;
    AgoraUser duplicateAuthor;
    AgoraUser keptAuthor;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        staff = bed.people.staff(RoleScope.process(process.id().value()));
        duplicateAuthor = bed.people.participant();
        keptAuthor = bed.people.participant();
    }

    private String mergePath(ProcessSettings of) {
        return "/admin/processes/" + of.id().value() + "/proposals/merge";
    }

    private String page(String reference) {
        return "/processes/" + process.slug() + "/proposals/" + reference;
    }

    private void merge(String duplicate, String kept) {
        merging.merge(staff, process.id().value(), new ProposalMerging.MergeForm(duplicate, kept, null));
    }

    private String statusOf(String reference) {
        return bed.jdbc.queryForObject("SELECT status FROM proposal WHERE reference = ?", String.class, reference);
    }

    private int supporterRowsOutOfStep() {
        return bed.jdbc.queryForObject("SELECT COUNT(*) FROM proposal_supporter r WHERE supports <> (SELECT COUNT(*) "
                + "FROM proposal_support s WHERE s.account_id = r.account_id AND s.process_id = r.process_id)", Integer.class);
    }

    @Test
    void theKeptProposalGathersTheSupportsCountingEachPersonOnce() throws Exception {
        String duplicate = bed.publish(process, duplicateAuthor);
        String kept = bed.publish(process, keptAuthor);
        AccountId both = someone();
        for (AccountId person : List.of(someone(), someone(), both)) {
            supports.support(bed.idOf(duplicate), person);
        }
        supports.support(bed.idOf(kept), both);
        supports.support(bed.idOf(kept), someone());

        mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", duplicate).param("kept", kept))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Confirmer la fusion"),
                        containsString("Un soutien en double"),
                        containsString("la proposition conservée aura 4 soutiens"))));
        assertThat(statusOf(duplicate)).as("the confirmation changes nothing").isEqualTo("PUBLISHED");

        mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", duplicate).param("kept", kept)
                        .param("note", "Même idée, mêmes mots.").param("confirm", "true"))
                .andExpect(redirectedUrl(page(kept))).andExpect(flash().attribute("flash", "proposals.flash.merged"));

        assertThat(statusOf(duplicate)).isEqualTo("MERGED");
        assertThat(bed.supportRows(bed.idOf(kept))).isEqualTo(4);
        assertThat(bed.supportsCount(bed.idOf(kept))).isEqualTo(4);
        assertThat(bed.supportRows(bed.idOf(duplicate))).isZero();
        assertThat(bed.supportsCount(bed.idOf(duplicate))).isZero();
        assertThat(supporterRowsOutOfStep()).isZero();
        assertThat(bed.jdbc.queryForObject("SELECT merged_into FROM proposal WHERE reference = ?", Long.class, duplicate))
                .isEqualTo(bed.idOf(kept));
    }

    @Test
    void severalDuplicatesAreMergedAtOnceEachPersonCountedOnce() throws Exception {
        String first = bed.publish(process, duplicateAuthor);
        String second = bed.publish(process, bed.people.participant());
        String kept = bed.publish(process, keptAuthor);
        AccountId everywhere = someone();
        AccountId twice = someone();
        for (String reference : List.of(first, second, kept)) {
            supports.support(bed.idOf(reference), everywhere);
        }
        supports.support(bed.idOf(first), twice);
        supports.support(bed.idOf(second), twice);
        supports.support(bed.idOf(second), someone());

        mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", first + ", " + second)
                        .param("kept", kept))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(first),
                        containsString(second), containsString("3 soutiens en double"),
                        containsString("la proposition conservée aura 3 soutiens"))));
        mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", first + " " + second)
                .param("kept", kept).param("confirm", "true")).andExpect(redirectedUrl(page(kept)));

        assertThat(List.of(statusOf(first), statusOf(second))).containsOnly("MERGED");
        assertThat(bed.supportRows(bed.idOf(kept))).isEqualTo(3);
        assertThat(bed.supportsCount(bed.idOf(kept))).isEqualTo(3);
        assertThat(supporterRowsOutOfStep()).isZero();
        mvc.perform(get(page(kept))).andExpect(content().string(allOf(
                containsString("fusionnée avec 2 propositions en double"), containsString(first), containsString(second))));
        assertThat(bed.jdbc.queryForList("SELECT link_path FROM notice WHERE recipient_id = ? AND kind = 'PROPOSAL_MERGED'",
                String.class, keptAuthor.id().value())).containsExactly(page(kept), page(kept));
    }

    @Test
    void theMergedAddressRedirectsToTheKeptProposalWhichListsIt() throws Exception {
        String duplicate = bed.publish(process, duplicateAuthor, "Un doublon facile à repérer", bed.eastCommune, "Mobilités");
        String kept = bed.publish(process, keptAuthor, "La proposition gardée après fusion", bed.eastCommune, "Mobilités");
        merging.merge(staff, process.id().value(), new ProposalMerging.MergeForm(duplicate, kept, "Deux fois la même idée."));

        mvc.perform(get(page(duplicate))).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", page(kept)));
        mvc.perform(get(page(kept))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Cette proposition a été fusionnée avec une proposition en double"),
                containsString(duplicate + " — Un doublon facile à repérer"), containsString("Deux fois la même idée."))));
        mvc.perform(get(page(duplicate)).param("merged", "")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Cette proposition a été fusionnée avec"), containsString(kept + " — La proposition gardée"))));
        mvc.perform(get("/processes/" + process.slug() + "/proposals"))
                .andExpect(content().string(allOf(containsString(kept), not(containsString(duplicate)))));
        assertThat(catalog.publicPaths()).contains(page(kept)).doesNotContain(page(duplicate));
        assertThat(catalog.findPublic(new ProposalId(bed.idOf(duplicate)))).isEmpty();
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM search_entries WHERE resource_type = 'proposal' "
                + "AND resource_id = ?", Integer.class, bed.idOf(duplicate))).as("left the search index").isZero();
    }

    @Test
    void bothAuthorsAreToldWithALinkToTheKeptProposal() {
        String duplicate = bed.publish(process, duplicateAuthor);
        String kept = bed.publish(process, keptAuthor);
        merge(duplicate, kept);
        for (AgoraUser author : List.of(duplicateAuthor, keptAuthor)) {
            assertThat(bed.jdbc.queryForList("SELECT link_path FROM notice WHERE recipient_id = ? AND kind = 'PROPOSAL_MERGED'",
                    String.class, author.id().value())).containsExactly(page(kept));
        }
    }

    @Test
    void aMergeCanBringTheKeptProposalToItsThreshold() {
        ProcessSettings withThreshold = bed.openProcess(null, 5);
        AgoraUser staffOfIt = bed.people.staff(RoleScope.process(withThreshold.id().value()));
        long duplicate = bed.idOf(bed.publish(withThreshold, duplicateAuthor));
        String keptReference = bed.publish(withThreshold, keptAuthor);
        long kept = bed.idOf(keptReference);
        for (int i = 0; i < 3; i++) {
            supports.support(duplicate, someone());
            supports.support(kept, someone());
        }
        List<ProposalThresholdReached> announced = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
            if (event.getPayload() instanceof ProposalThresholdReached reached && reached.proposalId().value() == kept) {
                announced.add(reached);
            }
        };
        ((AbstractApplicationContext) context).addApplicationListener(listener);
        try {
            merging.merge(staffOfIt, withThreshold.id().value(), new ProposalMerging.MergeForm(
                    bed.jdbc.queryForObject("SELECT reference FROM proposal WHERE id = ?", String.class, duplicate),
                    keptReference, null));
        } finally {
            ((AbstractApplicationContext) context).removeApplicationListener(listener);
        }
        assertThat(announced).containsExactly(new ProposalThresholdReached(new ProposalId(kept), withThreshold.id()));
        assertThat(bed.supportsCount(kept)).isEqualTo(6);
    }

    @Test
    void onlyStaffOfTheProcessMerge() throws Exception {
        String duplicate = bed.publish(process, duplicateAuthor);
        String kept = bed.publish(process, keptAuthor);
        ProcessSettings other = bed.openProcess();
        AgoraUser staffElsewhere = bed.people.staff(RoleScope.process(other.id().value()));
        for (AgoraUser outsider : List.of(bed.people.participant(), staffElsewhere)) {
            mvc.perform(get(mergePath(process)).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(post(mergePath(process)).with(as(outsider)).with(csrf()).param("merged", duplicate)
                    .param("kept", kept).param("confirm", "true")).andExpect(status().isForbidden());
        }
        mvc.perform(get(mergePath(process))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(duplicate)).isEqualTo("PUBLISHED");
        mvc.perform(get(page(duplicate)).with(as(staffElsewhere))).andExpect(content().string(not(containsString("Fusionner"))));
        mvc.perform(get(page(duplicate)).with(as(staff))).andExpect(content().string(
                containsString(mergePath(process) + "?merged=" + duplicate)));
        mvc.perform(get(mergePath(process)).with(as(bed.people.administrator())).param("merged", duplicate))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + duplicate + "\"")));
        mvc.perform(get(mergePath(process)).with(as(staff)).cookie(new jakarta.servlet.http.Cookie("agora_lang", "en")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Merge duplicate proposals"),
                        containsString("Duplicate proposal (merged)"), containsString("Kept proposal"))));
        mvc.perform(get("/admin/processes/987654321/proposals/merge").with(as(bed.people.administrator())))
                .andExpect(status().isNotFound());
    }

    @Test
    void badReferencesAreFieldErrorsAndChangeNothing() throws Exception {
        String duplicate = bed.publish(process, duplicateAuthor);
        String elsewhere = bed.publish(bed.openProcess(), keptAuthor);
        record Case(String merged, String kept, String note, String message) {
        }
        for (Case bad : List.of(
                new Case("", "", null, "Indiquez la référence de la proposition en double."),
                new Case(duplicate, "12-34", null, "Une référence s’écrit AAAA-NNNNNN"),
                new Case(duplicate, duplicate, null, "La proposition conservée doit être différente"),
                new Case(duplicate, elsewhere, null, "Aucune proposition publiée de cette démarche"),
                new Case(duplicate, "2026-999999", null, "Aucune proposition publiée de cette démarche"),
                new Case(duplicate, bed.publish(process, keptAuthor), "x".repeat(1001), "La note dépasse 1 000 caractères."))) {
            mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", bad.merged())
                            .param("kept", bad.kept()).param("note", bad.note()).param("confirm", "true"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString(bad.message())));
        }
        assertThat(statusOf(duplicate)).isEqualTo("PUBLISHED");
        mvc.perform(get("/processes/" + process.slug() + "/proposals/2026-999998")).andExpect(status().isNotFound());
    }

    @Test
    void aWithdrawnHiddenOrMergedProposalIsNotMergedAgainAndTheMessageSaysWhy() throws Exception {
        String withdrawn = bed.publish(process, duplicateAuthor);
        bed.management.withdraw(process.slug(), withdrawn, duplicateAuthor);
        String kept = bed.publish(process, keptAuthor);
        String merged = bed.publish(process, duplicateAuthor);
        merge(merged, kept);
        String hidden = bed.publish(process, duplicateAuthor);
        bed.jdbc.update("UPDATE proposal SET hidden_reason = 'SPAM' WHERE reference = ?", hidden);
        String another = bed.publish(process, keptAuthor);

        assertRefused(withdrawn, kept, "La proposition en double a été retirée par son auteur");
        assertRefused(merged, another, "La proposition en double a déjà été fusionnée");
        assertRefused(another, merged, "La proposition conservée a elle-même été fusionnée");
        assertRefused(hidden, kept, "La proposition en double est masquée par la modération");
        assertRefused(another, hidden, "La proposition conservée est masquée par la modération");
        assertThat(statusOf(another)).isEqualTo("PUBLISHED");
    }

    private void assertRefused(String duplicate, String kept, String message) throws Exception {
        mvc.perform(post(mergePath(process)).with(as(staff)).with(csrf()).param("merged", duplicate).param("kept", kept)
                .param("confirm", "true")).andExpect(status().isConflict()).andExpect(content().string(containsString(message)));
    }

    @Test
    void mergingAIntoBWhileBIntoAMakesOneMergeAndNoCycle() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = bed.publish(process, duplicateAuthor);
            String b = bed.publish(process, keptAuthor);
            supports.support(bed.idOf(a), someone());
            supports.support(bed.idOf(b), someone());
            List<Throwable> failures = together(List.of(() -> merge(a, b), () -> merge(b, a)));
            assertThat(failures).hasSize(1);
            assertThat(failures.getFirst()).isInstanceOf(ProposalRefused.class);
            assertThat(((ProposalRefused) failures.getFirst()).key()).isIn(
                    "proposals.merge.refused.merged.merged", "proposals.merge.refused.kept.merged");
            assertThat(List.of(statusOf(a), statusOf(b))).containsExactlyInAnyOrder("MERGED", "PUBLISHED");
            String survivor = statusOf(a).equals("PUBLISHED") ? a : b;
            assertThat(bed.supportRows(bed.idOf(survivor))).isEqualTo(2);
            assertThat(bed.supportsCount(bed.idOf(survivor))).isEqualTo(2);
        }
    }

    @Test
    void supportsGivenWhileMergingAreCountedOnceOnTheKeptProposal() throws Exception {
        String duplicate = bed.publish(process, duplicateAuthor);
        String kept = bed.publish(process, keptAuthor);
        long duplicateId = bed.idOf(duplicate);
        long keptId = bed.idOf(kept);
        List<AccountId> people = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AccountId person = someone();
            people.add(person);
            tasks.add(() -> supports.support(duplicateId, person));
            tasks.add(() -> supports.support(keptId, person));
        }
        tasks.add(() -> merge(duplicate, kept));
        List<Throwable> failures = together(tasks);
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(ProposalRefused.class)
                .extracting(refused -> ((ProposalRefused) refused).key()).isEqualTo("proposals.support.refused.merged"));
        assertThat(statusOf(duplicate)).isEqualTo("MERGED");
        assertThat(bed.supportRows(duplicateId)).isZero();
        assertThat(bed.supportRows(keptId)).as("each person once").isEqualTo(people.size());
        assertThat(bed.supportsCount(keptId)).isEqualTo(people.size());
        assertThat(supporterRowsOutOfStep()).isZero();
        assertThatThrownBy(() -> supports.support(duplicateId, someone())).isInstanceOf(ProposalRefused.class);
    }
}
