package org.agora.library;

import java.time.LocalDate;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.notifications.MailOutbox;
import org.agora.notifications.OutboxMail;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationKind;
import org.agora.programmes.ProjectShowcased;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.agora.People.as;
import static org.agora.library.LibraryFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The initiatives' rules: proposal, review by staff with mails, who sees what, files, showcased projects. */
@AgoraTest
class InitiativesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired InitiativeManagement initiatives;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    LibraryFixtures places;
    AgoraUser staff;
    AgoraUser author;
    AgoraUser other;

    @BeforeEach
    void placesAndPeople() {
        places = new LibraryFixtures(context);
        People people = new People(accounts);
        staff = people.staff(RoleScope.GLOBAL);
        author = people.participant();
        other = people.participant();
    }

    private long proposeThroughTheForm(String title) throws Exception {
        MvcResult result = mvc.perform(post("/initiatives/proposer").with(csrf()).with(as(author))
                        .param("action", "submit").param("title", title)
                        .param("summary", "Des habitants réunis pour parler de leur quartier chaque mois.")
                        .param("kind", "CONSULTATION").param("territoryId", String.valueOf(places.commune))
                        .param("organisationName", "Collectif du bourg").param("tools", "Ateliers")
                        .param("startedOn", "2025-01-10").param("endedOn", "2025-06-30")
                        .param("results", "Quarante personnes.").param("lessons", "Ce qui a marché : le samedi.")
                        .param("contactName", "Jeanne Dupont").param("contactEmail", "jeanne.dupont@example.org")
                        .param("tags", "Quartier, Jeunesse"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/initiatives/*")).andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }

    @Test
    void aProposedInitiativeIsSeenOnlyByItsAuthorAndStaffUntilStaffPublishIt() throws Exception {
        long id = proposeThroughTheForm("Règles : les cafés de quartier du bourg");

        mvc.perform(get("/initiatives/" + id).with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("En attente de relecture"),
                        containsString("les cafés de quartier du bourg"))));
        mvc.perform(get("/account/initiatives").with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("les cafés de quartier du bourg")));
        mvc.perform(get("/initiatives/" + id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/initiatives/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/initiatives/" + id).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/initiatives").param("q", "cafés de quartier du bourg"))
                .andExpect(content().string(not(containsString("les cafés de quartier du bourg"))));
        mvc.perform(get("/admin/library").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("les cafés de quartier du bourg")));

        mvc.perform(post("/admin/library/initiatives/" + id + "/publish").with(csrf()).with(as(staff)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/initiatives/" + id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Jeanne Dupont"),
                        not(containsString("jeanne.dupont@example.org")), containsString("Collectif du bourg"))));
        // The words found are marked in the title, accents or not.
        mvc.perform(get("/initiatives").param("q", "cafes quartier bourg"))
                .andExpect(content().string(containsString("les <mark>cafés</mark> de <mark>quartier</mark> du <mark>bourg</mark>")));
        OutboxMail mail = outbox.latestTo(author.email()).orElseThrow();
        assertThat(mail.subject()).contains("est publiée");
        assertThat(mail.text()).contains("/initiatives/" + id);
        assertThat(jdbc.queryForList("SELECT tag FROM library_initiative_tag WHERE initiative_id = ? ORDER BY tag",
                String.class, id)).containsExactly("jeunesse", "quartier");
    }

    @Test
    void refusingTellsTheAuthorWhyByMailAndOnThePage() throws Exception {
        long id = proposeThroughTheForm("Règles : une initiative hors sujet");

        mvc.perform(post("/admin/library/initiatives/" + id + "/refuse").with(csrf()).with(as(staff)).param("reason", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/library/initiatives/" + id + "/refuse").with(csrf()).with(as(staff))
                        .param("reason", "Il s’agit d’une offre commerciale, pas d’une démarche de participation."))
                .andExpect(status().is3xxRedirection());

        OutboxMail mail = outbox.latestTo(author.email()).orElseThrow();
        assertThat(mail.subject()).contains("n’a pas été publiée");
        assertThat(mail.text()).contains("offre commerciale");
        mvc.perform(get("/initiatives/" + id).with(as(author))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Non publiée"), containsString("offre commerciale"))));
        mvc.perform(get("/initiatives/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void onlyStaffPublishOrRefuse() throws Exception {
        long id = initiatives.propose(author, draft("Règles : réservé au personnel", InitiativeKind.OTHER, places.commune));
        AgoraUser moderator = new People(accounts).someone("moderator", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));

        assertThatThrownBy(() -> initiatives.publish(author, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> initiatives.refuse(moderator, id, "Pas pour moi")).isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/admin/library/initiatives/" + id + "/publish").with(csrf()).with(as(author)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/library/initiatives/" + id + "/publish").with(csrf()).with(as(moderator)))
                .andExpect(status().isForbidden());
        assertThat(initiatives.visible(null, id)).isEmpty();
    }

    @Test
    void theProposalFormPreviewsFirstAndExplainsEachProblem() throws Exception {
        mvc.perform(get("/initiatives/proposer")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/initiatives/proposer").with(csrf()).with(as(author)).param("action", "preview")
                        .param("title", "Règles : aperçu d’une initiative").param("summary", "Un résumé assez long pour l’aperçu.")
                        .param("kind", "CONCERTATION").param("territoryId", String.valueOf(places.department))
                        .param("contactName", "Jeanne").param("contactEmail", "jeanne@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Aperçu"), containsString("Envoyer pour relecture"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_initiative WHERE title = ?", Integer.class,
                "Règles : aperçu d’une initiative")).isZero();

        mvc.perform(post("/initiatives/proposer").with(csrf()).with(as(author)).param("action", "submit")
                        .param("title", "x").param("summary", "court").param("kind", "NOT_A_KIND")
                        .param("startedOn", "2025-05-01").param("endedOn", "2025-01-01")
                        .param("contactName", "J").param("contactEmail", "pas-une-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("href=\"#title\""), containsString("id=\"summary-error\""),
                        containsString("Choisissez le type de démarche."), containsString("Choisissez un territoire."),
                        containsString("La date de fin ne peut précéder la date de début."),
                        containsString("Indiquez une adresse électronique valide"))));
    }

    @Test
    void filesAreCheckedByTheirContentAndServedWithTheirTypeAndName() throws Exception {
        long id = initiatives.propose(author, draft("Règles : une initiative illustrée", InitiativeKind.OTHER, places.commune));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        byte[] pdf = "%PDF-1.4\n%test\n".getBytes();

        mvc.perform(multipart("/initiatives/" + id + "/fichiers").file(new MockMultipartFile("file", "photo.png",
                        "image/png", png)).with(csrf()).with(as(author)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Une image a besoin d’un texte alternatif")));
        mvc.perform(multipart("/initiatives/" + id + "/fichiers").file(new MockMultipartFile("file", "virus.pdf",
                        "application/pdf", "MZ not a pdf".getBytes())).with(csrf()).with(as(author)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce type de fichier n’est pas accepté")));
        mvc.perform(multipart("/initiatives/" + id + "/fichiers").file(new MockMultipartFile("file", "bilan.pdf",
                        "application/pdf", pdf)).with(csrf()).with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/initiatives/" + id + "/fichiers").file(new MockMultipartFile("file", "photo.png",
                        "image/png", png)).param("altText", "Des habitants autour d’une table").with(csrf()).with(as(author)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/initiatives/" + id + "/fichiers").file(new MockMultipartFile("file", "../bilan final.pdf",
                        "application/octet-stream", pdf)).with(csrf()).with(as(author)))
                .andExpect(status().is3xxRedirection());

        List<Initiatives.FileInfo> files = initiatives.files(id);
        assertThat(files).extracting(Initiatives.FileInfo::fileName).containsExactly("photo.png", "bilan final.pdf");
        assertThat(files.getFirst().altText()).isEqualTo("Des habitants autour d’une table");
        mvc.perform(get("/initiatives/" + id + "/fichiers/" + files.get(1).id()).with(as(author)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("bilan final.pdf")))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/initiatives/" + id + "/fichiers/" + files.getFirst().id()).with(as(author)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("inline")));
        mvc.perform(get("/initiatives/" + id + "/fichiers/" + files.getFirst().id())).andExpect(status().isNotFound());
        mvc.perform(get("/initiatives/" + id).with(as(author)))
                .andExpect(content().string(containsString("alt=\"Des habitants autour d’une table\"")));
    }

    @Test
    void aShowcasedProjectIsPublishedOnceAndUpdatedWhenSentAgain() {
        long first = initiatives.publishShowcase("programmes:project:42",
                draft("Vitrine : la maison des projets", InitiativeKind.OTHER, places.commune, "vitrine"));
        long again = initiatives.publishShowcase("programmes:project:42",
                draft("Vitrine : la maison des projets, deuxième année", InitiativeKind.CONSULTATION, places.department,
                        "vitrine", "bilan"));

        assertThat(again).isEqualTo(first);
        InitiativeView initiative = initiatives.visible(null, first).orElseThrow();
        assertThat(initiative.title()).isEqualTo("Vitrine : la maison des projets, deuxième année");
        assertThat(initiative.kind()).isEqualTo(InitiativeKind.CONSULTATION);
        assertThat(initiative.tags()).containsExactly("bilan", "vitrine");
        assertThat(initiative.status()).isEqualTo(InitiativeStatus.PUBLISHED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_initiative WHERE source_key = ?", Integer.class,
                "programmes:project:42")).isEqualTo(1);
        assertThatThrownBy(() -> initiatives.publishShowcase(" ", draft("Vitrine : sans clé", InitiativeKind.OTHER,
                places.commune))).isInstanceOf(LibraryRefused.class);
        assertThatThrownBy(() -> initiatives.publishShowcase("programmes:project:43", draft("x", InitiativeKind.OTHER,
                places.commune))).isInstanceOf(LibraryRefused.class)
                .satisfies(refused -> assertThat(((LibraryRefused) refused).problems()).containsKey("title"));
    }

    @Test
    void aProjectShowcasedByTheSupportProgrammesIsListedAmongTheInitiativesOnce() {
        long organisation = context.getBean(OrganisationDirectory.class).create(staff, new OrganisationDraft(
                "Commune des vitrines " + System.nanoTime(), OrganisationKind.PUBLIC_BODY, places.commune, null, null)).value();
        ProjectShowcased showcased = new ProjectShowcased(9_001L, "Vitrine : le budget des quartiers", organisation,
                places.commune, "Quatre ateliers de quartier et un vote ouvert à tous.", "Ateliers, urnes mobiles",
                "312 participants", LocalDate.of(2026, 5, 4), "/programmes/projets/9001", "Camille", "camille@example.org");

        context.publishEvent(showcased);
        context.publishEvent(new ProjectShowcased(9_001L, showcased.title(), organisation, places.commune,
                showcased.done(), showcased.tools(), "340 participants", showcased.retainedOn(), showcased.path(),
                showcased.contactName(), showcased.contactEmail()));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_initiative WHERE source_key = 'programmes:9001'",
                Integer.class)).isEqualTo(1);
        long id = jdbc.queryForObject("SELECT id FROM library_initiative WHERE source_key = 'programmes:9001'", Long.class);
        InitiativeView initiative = initiatives.visible(null, id).orElseThrow();
        assertThat(initiative.status()).isEqualTo(InitiativeStatus.PUBLISHED);
        assertThat(initiative.results()).contains("340 participants").contains("/programmes/projets/9001");
        assertThat(initiative.tags()).containsExactly(ShowcasedProjects.TAG);
    }

    @Test
    void signedInVisitorsWriteToTheContactWithoutSeeingTheAddress() throws Exception {
        long id = initiatives.publishShowcase("contact-test", draft("Règles : écrire au contact", InitiativeKind.OTHER,
                places.commune));

        mvc.perform(post("/initiatives/" + id + "/contact").with(csrf()).param("message", "Bonjour, je voudrais en savoir plus."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/initiatives/" + id + "/contact").with(csrf()).with(as(other)).param("message", "court"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/initiatives/" + id + "/contact").with(csrf()).with(as(other))
                        .param("message", "Bonjour, je voudrais en savoir plus sur vos ateliers."))
                .andExpect(status().is3xxRedirection());

        OutboxMail mail = outbox.latestTo("claire.martin@example.org").orElseThrow();
        assertThat(mail.text()).contains("en savoir plus sur vos ateliers").contains(other.email());
    }
}
