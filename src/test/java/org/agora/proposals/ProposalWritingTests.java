package org.agora.proposals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProposalWritingTests {

    static final String BODY = "Créer une ligne de bus entre les deux bourgs, le samedi matin.";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser author;
    AgoraUser other;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        author = bed.people.participant();
        other = bed.people.participant();
    }

    String base() {
        return "/processes/" + process.slug() + "/proposals";
    }

    MockMultipartHttpServletRequestBuilder create(String title, String body, String territory, String theme) {
        MockMultipartHttpServletRequestBuilder request = multipart(base());
        request.param("title", title).param("body", body).param("territory", territory).param("theme", theme);
        request.with(as(author)).with(csrf());
        return request;
    }

    /** Writes, previews and publishes; returns the reference. */
    String createAndPublish(String title) throws Exception {
        String draft = mvc.perform(create(title, BODY, Long.toString(bed.eastCommune), "Mobilités"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String location = mvc.perform(post(draft + "/publish").with(as(author)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void previewsADraftThenPublishesItUnderAPublicReference() throws Exception {
        String title = "Un bus le samedi entre les bourgs";
        String draft = mvc.perform(create(title, BODY, Long.toString(bed.eastCommune), "Mobilités"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(base() + "/drafts/*"))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(draft).with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Publier")))
                .andExpect(content().string(containsString("Modifier")));
        mvc.perform(get(base())).andExpect(content().string(not(containsString(title))));
        mvc.perform(get(draft).with(as(other))).andExpect(status().isNotFound());

        MvcResult published = mvc.perform(post(draft + "/publish").with(as(author)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(base() + "/????-??????"))
                .andExpect(flash().attribute("flash", "proposals.flash.published")).andReturn();
        String page = published.getResponse().getRedirectedUrl();
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Commune-de-l’Est")));
        mvc.perform(get(base())).andExpect(content().string(containsString(title)));
    }

    @Test
    void aDraftCanBeRevisedBeforePublication() throws Exception {
        String draft = mvc.perform(create("Premier titre du brouillon", BODY, Long.toString(bed.east), "Santé"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(draft + "/edit").with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Premier titre du brouillon")));
        mvc.perform(multipart(draft).param("title", "Second titre du brouillon").param("body", BODY)
                        .param("territory", Long.toString(bed.east)).param("theme", "Santé").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(draft));
        mvc.perform(get(draft).with(as(author))).andExpect(content().string(containsString("Second titre du brouillon")));
    }

    static Stream<Arguments> badInputs() {
        String ok = "Un titre tout à fait correct";
        return Stream.of(
                Arguments.of("title", "", BODY, null, "Mobilités"),
                Arguments.of("title", "Court", BODY, null, "Mobilités"),
                Arguments.of("title", "x".repeat(151), BODY, null, "Mobilités"),
                Arguments.of("body", ok + " 1", "", null, "Mobilités"),
                Arguments.of("body", ok + " 2", "Trop court", null, "Mobilités"),
                Arguments.of("body", ok + " 3", "y".repeat(5001), null, "Mobilités"),
                Arguments.of("territory", ok + " 4", BODY, "", "Mobilités"),
                Arguments.of("territory", ok + " 5", BODY, "abc", "Mobilités"),
                Arguments.of("territory", ok + " 6", BODY, "-3", "Mobilités"),
                Arguments.of("territory", ok + " 7", BODY, "ELSEWHERE", "Mobilités"),
                Arguments.of("territory", ok + " 8", BODY, "999999999", "Mobilités"),
                Arguments.of("theme", ok + " 9", BODY, null, ""),
                Arguments.of("theme", ok + " 10", BODY, null, "Astronomie"),
                Arguments.of("theme", ok + " 11", BODY, null, "<script>alert(1)</script>"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void refusesABadValueWithAMessageNextToTheFieldAndStoresNothing(String field, String title, String body,
                                                                   String territory, String theme) throws Exception {
        String territoryValue = territory == null ? Long.toString(bed.eastArea)
                : territory.equals("ELSEWHERE") ? Long.toString(bed.elsewhere) : territory;
        mvc.perform(create(title, body, territoryValue, theme))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")))
                .andExpect(content().string(containsString("href=\"#" + field + "\"")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        assertThat(bed.proposalsTitled(title.strip())).isZero();
    }

    @Test
    void showsScriptInjectionAsInertText() throws Exception {
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String reference = createAndPublish("Titre " + payload);
        String page = mvc.perform(get(base() + "/" + reference)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
    }

    @Test
    void refusesAFileRenamedPngWhoseContentIsNeitherAnImageNorAPdf() throws Exception {
        String title = "Une proposition avec un faux PNG";
        MockMultipartHttpServletRequestBuilder request = create(title, BODY, Long.toString(bed.east), "Mobilités");
        request.file(new MockMultipartFile("attachment", "photo.png", "image/png", "<html><script>x</script>".getBytes()));
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"attachment-error\"")));
        assertThat(bed.proposalsTitled(title)).isZero();
    }

    @Test
    void refusesAnAttachmentAboveFiveMegabytes() throws Exception {
        String title = "Une proposition avec un fichier trop gros";
        byte[] big = Arrays.copyOf(PNG, AttachmentFormat.MAX_BYTES + 1);
        MockMultipartHttpServletRequestBuilder request = create(title, BODY, Long.toString(bed.east), "Mobilités");
        request.file(new MockMultipartFile("attachment", "plan.png", "image/png", big));
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"attachment-error\"")));
        assertThat(bed.proposalsTitled(title)).isZero();
    }

    @Test
    void servesAPdfAttachmentWithItsRecognisedTypeAsADownload() throws Exception {
        MockMultipartHttpServletRequestBuilder request = create("Une proposition avec un plan", BODY,
                Long.toString(bed.east), "Mobilités");
        request.file(new MockMultipartFile("attachment", "../../plan du bourg.exe", "text/html", PDF));
        String draft = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(draft).with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("plan du bourg.pdf")));
        String page = mvc.perform(post(draft + "/publish").with(as(author)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Télécharger la pièce jointe (plan du bourg.pdf)")))
                .andExpect(content().string(not(containsString("<img src=\"/processes"))));

        mvc.perform(get(page + "/attachment")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("plan du bourg.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
    }

    @Test
    void showsAnImageAttachmentInlineWithATextAlternative() throws Exception {
        MockMultipartHttpServletRequestBuilder request = create("Une proposition illustrée d’une photo", BODY,
                Long.toString(bed.east), "Mobilités");
        request.file(new MockMultipartFile("attachment", "photo.pdf", "application/pdf", PNG));
        String draft = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(post(draft + "/publish").with(as(author)).with(csrf())).andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(page)).andExpect(content().string(containsString("alt=\"Illustration jointe à la proposition")));
        mvc.perform(get(page + "/attachment")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Content-Disposition", containsString("photo.png")));
    }

    @Test
    void theAuthorRemovesTheAttachmentWithoutReplacingIt() throws Exception {
        MockMultipartHttpServletRequestBuilder request = create("Une proposition dont le plan sera retiré", BODY,
                Long.toString(bed.east), "Mobilités");
        request.file(new MockMultipartFile("attachment", "plan.pdf", "application/pdf", PDF));
        String draft = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(post(draft + "/publish").with(as(author)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page + "/edit").with(as(author)))
                .andExpect(content().string(containsString("Retirer la pièce jointe actuelle (plan.pdf)")));

        mvc.perform(multipart(page).param("title", "Une proposition dont le plan sera retiré").param("body", BODY)
                        .param("territory", Long.toString(bed.east)).param("theme", "Mobilités")
                        .param("removeAttachment", "true").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(page));

        mvc.perform(get(page + "/attachment")).andExpect(status().isNotFound());
        mvc.perform(get(page)).andExpect(content().string(not(containsString("plan.pdf"))));
    }

    @Test
    void givesUniqueReferencesInSequenceWithinTheYear() throws Exception {
        List<String> references = List.of(bed.publish(process, author), bed.publish(process, author), bed.publish(process, author));
        assertThat(references).allMatch(reference -> reference.matches("\\d{4}-\\d{6}"));
        int first = Integer.parseInt(references.getFirst().substring(5));
        assertThat(references).extracting(reference -> Integer.parseInt(reference.substring(5)))
                .containsExactly(first, first + 1, first + 2);
    }

    @Test
    void givesDistinctReferencesToProposalsPublishedAtTheSameTime() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(bed.management.draft(process.slug(), author, ProposalTestBed.form("Publication simultanée " + i, bed.east), null));
        }
        List<Callable<String>> tasks = drafts.stream()
                .<Callable<String>>map(draft -> () -> bed.management.publish(process.slug(), draft, author)).toList();
        List<String> references = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<String> done : pool.invokeAll(tasks)) {
                references.add(done.get());
            }
        }
        assertThat(Set.copyOf(references)).hasSize(20);
    }

    @Test
    void theAuthorEditsDuringTheEditWindowButNotAfter() throws Exception {
        String reference = createAndPublish("Un titre à corriger rapidement");
        String page = base() + "/" + reference;
        mvc.perform(get(page + "/edit").with(as(author))).andExpect(status().isOk());
        mvc.perform(multipart(page).param("title", "Un titre corrigé à temps").param("body", BODY)
                        .param("territory", Long.toString(bed.west)).param("theme", "Santé").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("flash", "proposals.flash.edited"));
        mvc.perform(get(page)).andExpect(content().string(containsString("Un titre corrigé à temps")));

        bed.publishedAgo(reference, Duration.ofMinutes(16));
        mvc.perform(multipart(page).param("title", "Un titre corrigé trop tard").param("body", BODY)
                        .param("territory", Long.toString(bed.west)).param("theme", "Santé").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("flashError", "proposals.edit.refused"));
        mvc.perform(get(page)).andExpect(content().string(containsString("Un titre corrigé à temps")));
    }

    @Test
    void anAnsweredProposalIsNeverEdited() throws Exception {
        String reference = createAndPublish("Un titre qui recevra une réponse");
        bed.answer(reference);
        String page = base() + "/" + reference;
        mvc.perform(get(page + "/edit").with(as(author))).andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashError", "proposals.edit.refused"));
        mvc.perform(multipart(page).param("title", "Un titre modifié après réponse").param("body", BODY)
                        .param("territory", Long.toString(bed.west)).param("theme", "Santé").with(as(author)).with(csrf()))
                .andExpect(flash().attribute("flashError", "proposals.edit.refused"));
        assertThat(bed.proposalsTitled("Un titre modifié après réponse")).isZero();
    }

    @Test
    void aWithdrawnProposalStaysVisibleMarkedWithdrawnWithItsText() throws Exception {
        String reference = createAndPublish("Une proposition bientôt retirée");
        String page = base() + "/" + reference;
        mvc.perform(post(page + "/withdraw").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("flash", "proposals.flash.withdrawn"));
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Retirée par son auteur")))
                .andExpect(content().string(containsString("Une proposition bientôt retirée")))
                .andExpect(content().string(containsString(BODY)));
    }

    @Test
    void onlyTheAuthorMayEditOrWithdraw() throws Exception {
        String reference = createAndPublish("Une proposition que seul l’auteur touche");
        String page = base() + "/" + reference;
        mvc.perform(get(page + "/edit").with(as(other))).andExpect(status().isForbidden());
        mvc.perform(multipart(page).param("title", "Un titre réécrit par un autre").param("body", BODY)
                .param("territory", Long.toString(bed.west)).param("theme", "Santé").with(as(other)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/withdraw").with(as(other)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get(page)).andExpect(content().string(not(containsString("Retirée par son auteur"))));
    }

    @Test
    void aVisitorIsSentToSignInAndNothingIsStored() throws Exception {
        String title = "Une proposition sans compte";
        mvc.perform(get(base() + "/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(multipart(base()).param("title", title).param("body", BODY)
                        .param("territory", Long.toString(bed.east)).param("theme", "Santé").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertThat(bed.proposalsTitled(title)).isZero();
    }

    @Test
    void refusesWritingWhenTheCurrentPhaseDoesNotTakeProposals() throws Exception {
        ProcessSettings closedPhase = bed.processes.published("Phase sans propositions", bed.region, List.of(), null,
                null, false, true, Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS));
        String list = "/processes/" + closedPhase.slug() + "/proposals";
        String title = "Une proposition hors de la phase";
        mvc.perform(get(list + "/new").with(as(author)))
                .andExpect(redirectedUrl(list)).andExpect(flash().attribute("flashError", "proposals.create.refused"));
        mvc.perform(multipart(list).param("title", title).param("body", BODY)
                        .param("territory", Long.toString(bed.east)).with(as(author)).with(csrf()))
                .andExpect(redirectedUrl(list)).andExpect(flash().attribute("flashError", "proposals.create.refused"));
        assertThat(bed.proposalsTitled(title)).isZero();
        mvc.perform(get(list)).andExpect(status().isOk()).andExpect(content().string(not(containsString(list + "/new"))));
    }

    @Test
    void refusesWritingWhenTheProcessDoesNotUseProposals() throws Exception {
        ProcessSettings noProposals = bed.processes.published("Sans propositions", bed.region, List.of(), null, null,
                true, true, Set.of(ProcessFeature.COMMENTS));
        mvc.perform(get("/processes/" + noProposals.slug() + "/proposals/new").with(as(author)))
                .andExpect(flash().attribute("flashError", "proposals.create.refused"));
    }

    @Test
    void unknownProcessesReferencesAndDraftsAreNotFound() throws Exception {
        mvc.perform(get("/processes/nulle-part/proposals")).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/2000-999999")).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/pas-une-reference")).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/2000-999999/attachment")).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/drafts/999999999").with(as(author))).andExpect(status().isNotFound());
        mvc.perform(post(base() + "/2000-999999/support").with(as(author)).with(csrf())).andExpect(status().isNotFound());
    }
}
