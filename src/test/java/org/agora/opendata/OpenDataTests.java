package org.agora.opendata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.PublicAuthors;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The open data files: they validate against their published schemas, carry no personal data, come as a spreadsheet
 * variant, are rebuilt on demand by staff only, and a failed build keeps the previous files.
 */
@AgoraTest
class OpenDataTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;ODT1;Région des données;;
            DEPARTEMENT;ODT11;Département des données;ODT1;
            LIVING_AREA;ODT111;Bassin des données;ODT11;
            COMMUNE;ODT1111;Ouverte-sur-Loire;ODT111;99801
            """;
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired OpenDataBuilds builds;
    @Autowired AccountManagement accounts;
    @Autowired PublicAuthors authors;

    People people;
    AgoraUser staff;
    long department;
    long commune;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "ODT11").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "ODT1111").orElseThrow().id();
        people = new People(accounts);
        staff = people.staff(RoleScope.GLOBAL);
    }

    /** People with distinctive pseudonyms and emails: one shows their pseudonym, the others do not. */
    record Contributors(AgoraUser shown, AgoraUser hidden, AgoraUser deleted, PublicProposal proposal) {
    }

    Contributors contributeEverywhere() throws Exception {
        AgoraUser shown = people.someone("zorglubmontre");
        AgoraUser hidden = people.someone("zorglubcache");
        AgoraUser deleted = people.someone("zorglubparti");
        accounts.showNameInOpenData(shown.id(), true);
        accounts.showNameInOpenData(deleted.id(), true);
        ProcessSettings process = new ParticipationProcesses(context, staff).open("Démarche ouverte " + System.nanoTime(),
                department, List.of(), null, null);
        ProposalFixtures proposals = new ProposalFixtures(context);
        PublicProposal byShown = proposals.publish(process, shown, "Des bancs publics " + System.nanoTime(), commune);
        PublicProposal byHidden = proposals.publish(process, hidden, "=1+1 des fontaines " + System.nanoTime(), commune);
        PublicProposal byDeleted = proposals.publish(process, deleted, "Des arbres " + System.nanoTime(), commune);
        for (AgoraUser author : List.of(shown, hidden, deleted)) {
            for (PublicProposal proposal : List.of(byShown, byHidden, byDeleted)) {
                mvc.perform(post("/comments").with(csrf()).with(People.as(author)).param("resourceType", "proposal")
                                .param("resourceId", Long.toString(proposal.id().value())).param("stance", "FOR")
                                .param("body", "Bonne idée, écrivez-moi à " + author.email() + " pour en parler"))
                        .andExpect(status().is3xxRedirection());
            }
        }
        accounts.deleteAccount(deleted.id(), "correct horse battery staple " + number(deleted));
        return new Contributors(shown, hidden, deleted, byHidden);
    }

    private static String number(AgoraUser user) {
        return user.pseudonym().substring(user.pseudonym().lastIndexOf('-') + 1);
    }

    OpenDataBuilds.Build buildNow() {
        OpenDataBuilds.Build build = builds.build(OpenDataBuilds.Trigger.ON_DEMAND, staff.id().value()).orElseThrow();
        assertThat(build.outcome()).as(String.valueOf(build.error())).isEqualTo(OpenDataBuilds.Outcome.DONE);
        return build;
    }

    String download(String file) throws Exception {
        return mvc.perform(get("/donnees/" + file)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFileValidatesAgainstItsDocumentedSchema() throws Exception {
        contributeEverywhere();
        OpenDataBuilds.Build build = buildNow();
        assertThat(builds.datasets()).extracting(OpenDataset::name)
                .contains("processes", "proposals", "answers", "work-programmes", "comments", "meetings", "panels");
        for (OpenDataset dataset : builds.datasets()) {
            JsonNode schema = JSON.readTree(download(dataset.name() + ".schema.json"));
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            schema.get("fields").forEach(field -> {
                names.add(field.get("name").asString());
                types.add(field.get("type").asString());
                assertThat(field.get("description").asString()).as(field.toString()).isNotBlank();
            });
            assertThat(names).isEqualTo(dataset.columns().stream().map(OpenDataset.Column::name).toList());
            assertThat(schema.get("licenses").get(0).get("name").asString()).isEqualTo("etalab-2.0");
            long rows = builds.files(build.id()).stream()
                    .filter(file -> file.dataset().equals(dataset.name()) && file.format() == OpenDataFormat.CSV)
                    .findFirst().orElseThrow().rows();

            List<List<String>> csv = Csv.parse(download(dataset.name() + ".csv"), ',');
            assertThat(csv.getFirst()).as(dataset.name() + " header").isEqualTo(names);
            assertThat(csv).hasSize((int) rows + 1);
            for (List<String> record : csv.subList(1, csv.size())) {
                assertThat(record).as(dataset.name() + " record " + record).hasSameSizeAs(names);
                for (int index = 0; index < record.size(); index++) {
                    assertThat(Csv.fits(types.get(index), record.get(index)))
                            .as(dataset.name() + "." + names.get(index) + " = " + record.get(index)).isTrue();
                }
            }

            String json = download(dataset.name() + ".json");
            Schema rowsSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(jsonSchemaOf(names, types));
            List<Error> errors = rowsSchema.validate(json, com.networknt.schema.InputFormat.JSON);
            assertThat(errors).as(dataset.name() + ".json").isEmpty();
            assertThat(JSON.readTree(json).size()).isEqualTo((int) rows);
        }
    }

    /** The Table Schema turned into the JSON Schema of the JSON file: an array of objects, each with every column. */
    private static String jsonSchemaOf(List<String> names, List<String> types) {
        StringBuilder properties = new StringBuilder();
        for (int index = 0; index < names.size(); index++) {
            String type = switch (types.get(index)) {
                case "integer" -> "{\"type\": [\"integer\", \"null\"]}";
                case "number" -> "{\"type\": [\"number\", \"null\"]}";
                case "boolean" -> "{\"type\": [\"boolean\", \"null\"]}";
                case "date" -> "{\"type\": [\"string\", \"null\"], \"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}";
                case "datetime" -> "{\"type\": [\"string\", \"null\"], \"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}Z$\"}";
                default -> "{\"type\": [\"string\", \"null\"]}";
            };
            properties.append(index == 0 ? "" : ", ").append('"').append(names.get(index)).append("\": ").append(type);
        }
        String required = String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
        return "{\"type\": \"array\", \"items\": {\"type\": \"object\", \"additionalProperties\": false, \"properties\": {"
                + properties + "}, \"required\": [" + required + "]}}";
    }

    @Test
    void noEmailAndNoPseudonymOfSomeoneWhoDidNotChooseToShowItAppearsInAnyFile() throws Exception {
        Contributors contributors = contributeEverywhere();
        OpenDataBuilds.Build build = buildNow();
        String shownId = authors.pseudonymousId(contributors.shown().id());
        String hiddenId = authors.pseudonymousId(contributors.hidden().id());
        String deletedId = authors.pseudonymousId(contributors.deleted().id());
        StringBuilder everything = new StringBuilder();
        for (OpenDataBuilds.DatasetFile file : builds.files(build.id())) {
            String content = Files.readString(builds.path(build.id(), file.dataset(), file.format()), StandardCharsets.UTF_8);
            assertThat(EMAIL.matcher(content).results().map(java.util.regex.MatchResult::group).toList())
                    .as("emails in " + file.format().fileName(file.dataset())).isEmpty();
            everything.append(content);
        }
        String all = everything.toString();
        assertThat(all).doesNotContain(contributors.hidden().pseudonym()).doesNotContain(contributors.deleted().pseudonym())
                .doesNotContain("zorglubcache").doesNotContain("zorglubparti")
                .doesNotContain(contributors.shown().email()).doesNotContain(contributors.hidden().email());
        assertThat(all).contains(contributors.shown().pseudonym()).contains(hiddenId).contains(deletedId)
                .doesNotContain(shownId).contains("écrivez-moi à [adresse masquée] pour en parler");
    }

    @Test
    void theSpreadsheetVariantIsSemicolonSeparatedWithAByteOrderMarkAndNeutralisesFormulas() throws Exception {
        Contributors contributors = contributeEverywhere();
        buildNow();
        byte[] excel = mvc.perform(get("/donnees/proposals-excel.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(excel, StandardCharsets.UTF_8).substring(1);
        List<List<String>> records = Csv.parse(text, ';');
        assertThat(records.getFirst()).startsWith("id", "reference", "process", "title");
        String title = contributors.proposal().title();
        assertThat(records).anySatisfy(record -> assertThat(record).contains("'" + title));
        List<List<String>> plain = Csv.parse(download("proposals.csv"), ',');
        assertThat(plain).anySatisfy(record -> assertThat(record).contains(title));
        assertThat(download("proposals.csv")).doesNotStartWith("\uFEFF");
    }

    @Test
    void downloadsCarryTheirTypeNameAndCachingHeadersAndAnUnknownDatasetIsNotFound() throws Exception {
        buildNow();
        MockHttpServletResponse csv = mvc.perform(get("/donnees/processes.csv")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"processes.csv\"");
        String etag = csv.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(csv.getHeader("Last-Modified")).isNotBlank();
        assertThat(csv.getHeader("Cache-Control")).contains("max-age=3600");
        mvc.perform(get("/donnees/processes.csv").header("If-None-Match", etag)).andExpect(status().isNotModified());
        assertThat(mvc.perform(get("/donnees/processes.json")).andReturn().getResponse().getContentType())
                .startsWith("application/json");

        mvc.perform(get("/donnees/pas-de-jeu")).andExpect(status().isNotFound());
        mvc.perform(get("/donnees/pas-de-jeu.csv")).andExpect(status().isNotFound());
        String page = mvc.perform(get("/donnees/proposals")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("supports").contains("answered_at").contains("Licence Ouverte")
                .contains("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        String list = mvc.perform(get("/donnees")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("/donnees/proposals-excel.csv").contains("/donnees/comments.json")
                .contains("/donnees/meetings.schema.json");
    }

    @Test
    void onlyStaffRebuildTheFilesOnDemand() throws Exception {
        AgoraUser citizen = people.participant();
        AgoraUser moderator = people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        mvc.perform(post("/admin/opendata/rebuild").with(csrf()).with(People.as(citizen))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/opendata/rebuild").with(csrf()).with(People.as(moderator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/opendata").with(People.as(citizen))).andExpect(status().isForbidden());
        long before = builds.recent(1).stream().mapToLong(OpenDataBuilds.Build::id).findFirst().orElse(0);

        mvc.perform(post("/admin/opendata/rebuild").with(csrf()).with(People.as(staff)))
                .andExpect(status().is3xxRedirection());
        OpenDataBuilds.Build started = builds.recent(1).getFirst();
        assertThat(started.id()).isGreaterThan(before);
        assertThat(started.trigger()).isEqualTo(OpenDataBuilds.Trigger.ON_DEMAND);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (builds.find(started.id()).orElseThrow().outcome() == OpenDataBuilds.Outcome.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(builds.find(started.id()).orElseThrow().outcome()).isEqualTo(OpenDataBuilds.Outcome.DONE);
        String page = mvc.perform(get("/admin/opendata").with(People.as(staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("proposals-excel.csv").contains("Reproduire les fichiers maintenant");
    }

    @Test
    void aFailedBuildKeepsThePreviousFilesAndShowsItsError() throws Exception {
        OpenDataBuilds.Build good = buildNow();
        String before = download("processes.csv");
        OpenDataset broken = new OpenDataset() {
            public String name() { return "broken"; }
            public String titleKey() { return "opendata.title"; }
            public List<Column> columns() { return List.of(new Column("n", Type.INTEGER, "opendata.title")); }
            public void forEachRow(Consumer<Object[]> row) {
                row.accept(new Object[] {1L});
                throw new IllegalStateException("the database went away");
            }
        };
        List<OpenDataset> these = new ArrayList<>(builds.datasets());
        these.add(broken);
        OpenDataBuilds.Build failed = builds.build(OpenDataBuilds.Trigger.ON_DEMAND, null, these).orElseThrow();

        assertThat(failed.outcome()).isEqualTo(OpenDataBuilds.Outcome.FAILED);
        assertThat(failed.error()).contains("broken").contains("the database went away");
        assertThat(builds.current().orElseThrow().id()).isEqualTo(good.id());
        assertThat(download("processes.csv")).isEqualTo(before);
        Path folder = builds.path(failed.id(), "processes", OpenDataFormat.CSV).getParent();
        assertThat(folder).doesNotExist();
        assertThat(folder.resolveSibling(failed.id() + ".part")).doesNotExist();
        String page = mvc.perform(get("/admin/opendata").with(People.as(staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("the database went away");
    }

    @Test
    void theSitemapListsTheOpenDataPageAndEverySchemaPage() throws Exception {
        String sitemap = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(sitemap).contains("/donnees</loc>").contains("/donnees/proposals</loc>").contains("/donnees/work-programmes</loc>");
    }

    @Test
    void publicAuthorsGiveAStableIdAndTheChosenPseudonymButNeverNameADeletedAccount() {
        AgoraUser shown = people.someone("zorglubstable");
        AgoraUser quiet = people.someone("zorglubdiscret");
        AgoraUser gone = people.someone("zorglubefface");
        accounts.showNameInOpenData(shown.id(), true);
        accounts.showNameInOpenData(gone.id(), true);
        accounts.deleteAccount(gone.id(), "correct horse battery staple " + number(gone));

        String quietId = authors.pseudonymousId(quiet.id());
        assertThat(quietId).matches("p-[0-9a-f]{16}").isEqualTo(authors.pseudonymousId(quiet.id()))
                .isNotEqualTo(authors.pseudonymousId(shown.id()));
        Map<org.agora.accounts.AccountId, String> names = authors.publicNames(List.of(shown.id(), quiet.id(), gone.id()));
        assertThat(names.get(shown.id())).isEqualTo(shown.pseudonym());
        assertThat(names.get(quiet.id())).isEqualTo(quietId);
        assertThat(names.get(gone.id())).isEqualTo(authors.pseudonymousId(gone.id())).doesNotContain("zorglubefface");
    }

    @Test
    void theProfileOptInIsSavedFromTheProfileForm() throws Exception {
        AgoraUser person = people.someone("zorglubprofil");
        mvc.perform(post("/account/profile").with(csrf()).with(People.as(person)).param("pseudonym", person.pseudonym())
                        .param("commune", "").param("communeId", "").param("language", "fr").param("frequency", "IMMEDIATE")
                        .param("openDataName", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.profile(person.id()).openDataName()).isTrue();
        assertThat(authors.publicNames(List.of(person.id())).get(person.id())).isEqualTo(person.pseudonym());
        mvc.perform(post("/account/profile").with(csrf()).with(People.as(person)).param("pseudonym", person.pseudonym())
                        .param("commune", "").param("communeId", "").param("language", "fr").param("frequency", "IMMEDIATE"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.profile(person.id()).openDataName()).isFalse();
    }
}
