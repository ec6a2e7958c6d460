package org.agora.statistics;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.AgoraTest;
import org.agora.DatabaseTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.meetings.MeetingFixtures;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationKind;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PaperContributions;
import org.agora.proposals.ProposalFixtures;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The figures page shows, for a process and for a territory, the counts of what the test itself created. */
@AgoraTest
@DatabaseTest
class FiguresPageTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;STA1;Région des chiffres;;
            DEPARTEMENT;STA11;Département des chiffres;STA1;
            LIVING_AREA;STA111;Bassin chiffré du Nord;STA11;
            COMMUNE;STA1111;Compte-sur-Loire;STA111;99701
            LIVING_AREA;STA112;Bassin chiffré du Sud;STA11;
            COMMUNE;STA1121;Calcul-le-Bas;STA112;99702
            """;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired PaperContributions paper;
    @Autowired OrganisationDirectory organisations;
    @Autowired FiguresProjection projection;

    AgoraUser staff;
    People people;
    long department;
    long north;
    long northCommune;
    long south;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        staff = people.staff(RoleScope.GLOBAL);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "STA11").orElseThrow().id();
        north = territories.findByCode(TerritoryKind.LIVING_AREA, "STA111").orElseThrow().id();
        northCommune = territories.findByCode(TerritoryKind.COMMUNE, "STA1111").orElseThrow().id();
        south = territories.findByCode(TerritoryKind.LIVING_AREA, "STA112").orElseThrow().id();
    }

    OrganisationId organisation(String name, OrganisationKind kind, long territoryId) {
        return organisations.create(staff, new OrganisationDraft(name + " " + System.nanoTime(), kind, territoryId, null, null));
    }

    @Test
    void showsTheMeetingsContributionsAndOrganisationsOfAProcessAndOfATerritoryAndOffersThemAsCsv() throws Exception {
        ProcessSettings process = new ParticipationProcesses(context, staff).open("Démarche chiffrée " + System.nanoTime(),
                department, List.of(), null, null);
        long processId = process.id().value();
        MeetingFixtures meetings = new MeetingFixtures(context, staff);
        long northHeld = meetings.published("Rencontre du Nord", processId, north, Duration.ofDays(-9));
        long northAgain = meetings.published("Rencontre du Nord, suite", processId, northCommune, Duration.ofDays(-4));
        long southHeld = meetings.published("Rencontre du Sud", processId, south, Duration.ofDays(-2));
        long cancelled = meetings.published("Rencontre annulée", processId, north, Duration.ofDays(-1));
        meetings.published("Rencontre à venir", processId, north, Duration.ofDays(8));
        OrganisationId club = organisation("Club des chiffres", OrganisationKind.ASSOCIATION, northCommune);
        OrganisationId school = organisation("Collège des chiffres", OrganisationKind.SCHOOL, south);
        OrganisationId cancelledOnly = organisation("Entreprise annulée", OrganisationKind.COMPANY, north);
        meetings.met(northHeld, club);
        meetings.met(northAgain, club);
        meetings.met(southHeld, club);
        meetings.met(southHeld, school);
        meetings.met(cancelled, cancelledOnly);
        meetings.cancel(cancelled);

        PaperContributions.Collection fabrik = new PaperContributions.Collection(new ResourceRef("meeting", northHeld),
                "Rencontre du Nord", "/meetings/" + northHeld, north);
        paper.record(process.id(), staff, fabrik, List.of(
                new PaperContributions.PaperProposal("Une idée sur papier", "Un texte assez long recueilli sur papier.", null, "", ""),
                new PaperContributions.PaperProposal("Une autre idée sur papier", "Un texte assez long recueilli sur papier.", south, "", "")));
        ProposalFixtures proposals = new ProposalFixtures(context);
        proposals.publish(process, people.participant(), "Une idée en ligne au nord", northCommune);
        proposals.publish(process, people.participant(), "Une idée en ligne au sud", south);
        proposals.publish(process, people.participant(), "Une idée en ligne pour tout le département", department);

        projection.recompute();
        String page = mvc.perform(get("/chiffres").param("process", process.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(figure(page, "Rencontres tenues")).isEqualTo(3);
        assertThat(figure(page, "Propositions recueillies sur papier")).isEqualTo(2);
        assertThat(figure(page, "Propositions écrites en ligne")).isEqualTo(3);
        assertThat(figure(page, "Organisations rencontrées (distinctes)")).isEqualTo(2);
        assertThat(figure(page, "dont associations")).isEqualTo(1);
        assertThat(figure(page, "dont établissements d’enseignement")).isEqualTo(1);
        assertThat(figure(page, "dont entreprises")).isZero();

        String territory = mvc.perform(get("/chiffres").param("territory", Long.toString(north))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(figure(territory, "Rencontres tenues")).isEqualTo(2);
        assertThat(figure(territory, "Propositions recueillies sur papier")).isEqualTo(1);
        assertThat(figure(territory, "Propositions écrites en ligne")).isEqualTo(1);
        assertThat(figure(territory, "Organisations rencontrées (distinctes)")).isEqualTo(1);

        String csv = mvc.perform(get("/chiffres.csv").param("process", process.slug())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"chiffres-" + process.slug() + ".csv\""))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).contains("Rencontres;Rencontres tenues;3", "Contributions;Propositions recueillies sur papier;2",
                "Contributions;Propositions écrites en ligne;3", "Organisations rencontrées;Organisations rencontrées (distinctes);2");
    }

    @Test
    void refusesAnUnknownProcessOrTerritoryAndAMalformedOne() throws Exception {
        mvc.perform(get("/chiffres")).andExpect(status().isOk());
        mvc.perform(get("/chiffres").param("process", "pas-de-demarche")).andExpect(status().isNotFound());
        mvc.perform(get("/chiffres").param("territory", "999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/chiffres").param("territory", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/chiffres.csv").param("territory", "-1")).andExpect(status().isBadRequest());
    }

    /** The value of the table row labelled {@code label}. */
    static long figure(String html, String label) {
        Matcher row = Pattern.compile("<th scope=\"row\">" + Pattern.quote(label) + "</th>\\s*<td>(\\d+)</td>").matcher(html);
        assertThat(row.find()).as("a row labelled " + label).isTrue();
        return Long.parseLong(row.group(1));
    }
}
