package org.agora.programmes;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The network's rules: who sees and edits what, amounts, reports, consolidation, reminders, public pages. */
@AgoraTest
class CyberCentreRulesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired CyberCentreNetwork network;
    @Autowired CentreReports reports;
    @Autowired CentrePayments payments;
    @Autowired CentreAgreements agreements;
    @Autowired CentreReminders reminders;
    @Autowired MailOutbox outbox;

    CyberCentreTestBed bed;
    People people;
    AgoraUser staff;
    AgoraUser facilitator;
    AgoraUser otherFacilitator;
    CyberCentre centre;
    CyberCentre otherCentre;
    int lastYear;

    @BeforeEach
    void network() {
        bed = new CyberCentreTestBed(context);
        people = new People(accounts);
        staff = people.staff(RoleScope.GLOBAL);
        facilitator = people.someone("animatrice-cyber", new RoleGrant(Role.FACILITATOR, RoleScope.GLOBAL));
        otherFacilitator = people.someone("animateur-voisin");
        centre = bed.centre("Espace numérique des Tilleuls", false, facilitator.id().value());
        otherCentre = bed.centre("Cyber-base des Peupliers", true, otherFacilitator.id().value());
        lastYear = LocalDate.now().getYear() - 1;
    }

    private String reportPath(CyberCentre which, int year) {
        return "/account/cyber-centres/" + which.id() + "/rapports/" + year;
    }

    @Test
    void aFacilitatorFilesTheReportOfTheirOwnCentreAndNoOtherCentres() throws Exception {
        mvc.perform(get(reportPath(centre, lastYear)).with(as(facilitator))).andExpect(status().isOk())
                .andExpect(content().string(containsString(centre.name())));
        mvc.perform(post(reportPath(centre, lastYear)).with(as(facilitator)).with(csrf())
                        .param("peopleAccompanied", "120").param("sessions", "45").param("themes", "JOB_SEARCH")
                        .param("action", "save"))
                .andExpect(redirectedUrl(reportPath(centre, lastYear)));
        assertThat(reports.findByCentreIdAndYear(centre.id(), lastYear)).get()
                .satisfies(report -> {
                    assertThat(report.peopleAccompanied()).isEqualTo(120);
                    assertThat(report.submitted()).isFalse();
                });

        mvc.perform(get(reportPath(otherCentre, lastYear)).with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(post(reportPath(otherCentre, lastYear)).with(as(facilitator)).with(csrf())
                .param("peopleAccompanied", "1").param("sessions", "1")).andExpect(status().isForbidden());
        assertThat(reports.findByCentreIdAndYear(otherCentre.id(), lastYear)).isEmpty();
        mvc.perform(get("/account/cyber-centres").with(as(facilitator))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(centre.name()), not(containsString(otherCentre.name())))));
    }

    @Test
    void aParticipantIsRefusedEveryReportAndTheAnonymousAreSentToSignIn() throws Exception {
        AgoraUser participant = people.participant();
        mvc.perform(get(reportPath(centre, lastYear)).with(as(participant))).andExpect(status().isForbidden());
        mvc.perform(get(reportPath(centre, lastYear))).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/cyber-centres").with(as(participant))).andExpect(status().isForbidden());
    }

    @Test
    void facilitatorsDoNotOpenTheNetworksAdministration() throws Exception {
        mvc.perform(get("/admin/cyber-centres").with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/cyber-centres/" + centre.id()).with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/cyber-centres/formation").with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/cyber-centres/" + centre.id() + "/agreements").with(as(facilitator)).with(csrf())
                .param("startYear", "2030")).andExpect(status().isForbidden());
        assertThat(agreements.findByCentreIdOrderByStartYear(centre.id())).isEmpty();
    }

    @Test
    void staffSeeAndEditEveryCentresReportAndTheAdministration() throws Exception {
        mvc.perform(get(reportPath(otherCentre, lastYear)).with(as(staff))).andExpect(status().isOk());
        mvc.perform(post(reportPath(otherCentre, lastYear)).with(as(staff)).with(csrf())
                        .param("peopleAccompanied", "10").param("sessions", "4").param("action", "save"))
                .andExpect(redirectedUrl(reportPath(otherCentre, lastYear)));
        mvc.perform(get("/admin/cyber-centres").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString(otherCentre.name())));
        mvc.perform(get("/admin/cyber-centres/" + centre.id()).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/cyber-centres/rapports?year=" + lastYear).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/admin").with(as(staff))).andExpect(content().string(containsString("/admin/cyber-centres")));
    }

    @Test
    void thePublicSeesTheListTheMapAndEachCentreButNoFacilitator() throws Exception {
        mvc.perform(get("/cyber-centres")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(centre.name()), containsString("<svg"),
                        containsString("/cyber-centres/" + centre.id()))));
        mvc.perform(get("/cyber-centres?departement=" + bed.otherDepartement)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(otherCentre.name()), not(containsString(centre.name())))));
        mvc.perform(get("/cyber-centres/" + centre.id())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 rue du Test"), containsString("Pixelville-sur-Loire"),
                        not(containsString(facilitator.pseudonym())))));
        mvc.perform(get("/cyber-centres/987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/cyber-centres?departement=abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/cyber-centres?departement=987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/cyber-centres?departement=" + bed.emptyDepartement)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(centre.name()))));
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("/cyber-centres/" + centre.id())));
        mvc.perform(get("/chiffres")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Centres dans le réseau")));
    }

    @Test
    void aSubmittedReportIsNoLongerEdited() throws Exception {
        mvc.perform(post(reportPath(centre, lastYear)).with(as(facilitator)).with(csrf())
                        .param("peopleAccompanied", "80").param("sessions", "20").param("action", "submit"))
                .andExpect(redirectedUrl(reportPath(centre, lastYear)));
        mvc.perform(post(reportPath(centre, lastYear)).with(as(facilitator)).with(csrf())
                        .param("peopleAccompanied", "9999").param("sessions", "20").param("action", "save"))
                .andExpect(status().isConflict());
        assertThat(reports.findByCentreIdAndYear(centre.id(), lastYear).orElseThrow().peopleAccompanied()).isEqualTo(80);
    }

    @Test
    void negativeOrAbsurdReportFiguresAreRefusedNextToTheirField() throws Exception {
        for (String people : List.of("-3", "douze", "250000")) {
            mvc.perform(post(reportPath(centre, lastYear)).with(as(facilitator)).with(csrf())
                            .param("peopleAccompanied", people).param("sessions", "2").param("action", "save"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"peopleAccompanied-error\"")));
        }
        mvc.perform(post(reportPath(centre, lastYear)).with(as(facilitator)).with(csrf())
                        .param("peopleAccompanied", "2").param("sessions", "2").param("themes", "NOT_A_THEME"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(reportPath(centre, 1999)).with(as(facilitator))).andExpect(status().isNotFound());
        assertThat(reports.findByCentreIdAndYear(centre.id(), lastYear)).isEmpty();
    }

    @Test
    void anAgreementRunsThreeYearsAtTwoThousandEurosByDefaultWithExactCents() throws Exception {
        mvc.perform(post("/admin/cyber-centres/" + centre.id() + "/agreements").with(as(staff)).with(csrf())
                .param("startYear", "2024").param("yearlyGrant", "")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/cyber-centres/" + otherCentre.id() + "/agreements").with(as(staff)).with(csrf())
                .param("startYear", "2024").param("yearlyGrant", "2 150,35")).andExpect(status().is3xxRedirection());
        CentreAgreement agreement = agreements.findByCentreIdOrderByStartYear(centre.id()).getFirst();
        assertThat(agreement.endYear()).isEqualTo(2026);
        assertThat(payments.findByAgreementIdInOrderByYear(List.of(agreement.id())))
                .extracting(CentrePayment::year, CentrePayment::committedCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2024, 200_000L),
                        org.assertj.core.groups.Tuple.tuple(2025, 200_000L),
                        org.assertj.core.groups.Tuple.tuple(2026, 200_000L));
        assertThat(agreements.findByCentreIdOrderByStartYear(otherCentre.id()).getFirst().yearlyGrantCents())
                .isEqualTo(215_035L);
    }

    @Test
    void negativeAbsurdOrOverlappingAgreementsAreRefused() throws Exception {
        for (String grant : List.of("-2000", "100000,01", "deux mille", "12,345")) {
            mvc.perform(post("/admin/cyber-centres/" + centre.id() + "/agreements").with(as(staff)).with(csrf())
                            .param("startYear", "2024").param("yearlyGrant", grant))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"yearlyGrant-error\"")));
        }
        mvc.perform(post("/admin/cyber-centres/" + centre.id() + "/agreements").with(as(staff)).with(csrf())
                .param("startYear", "1850")).andExpect(status().isBadRequest());
        bed.agreement(centre, 2024);
        mvc.perform(post("/admin/cyber-centres/" + centre.id() + "/agreements").with(as(staff)).with(csrf())
                        .param("startYear", "2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("couvre déjà")));
        assertThat(agreements.findByCentreIdOrderByStartYear(centre.id())).hasSize(1);
    }

    @Test
    void aPaymentIsRecordedExactlyAndNeverAboveWhatIsCommitted() throws Exception {
        CentreAgreement agreement = bed.agreement(centre, 2024);
        CentrePayment first = payments.findByAgreementIdInOrderByYear(List.of(agreement.id())).getFirst();
        String path = "/admin/cyber-centres/" + centre.id() + "/payments/" + first.id();
        mvc.perform(post(path).with(as(staff)).with(csrf()).param("committed", "2000").param("paid", "2000,01")
                .param("paidOn", "2024-04-15")).andExpect(status().isBadRequest());
        mvc.perform(post(path).with(as(staff)).with(csrf()).param("committed", "2000").param("paid", "1000")
                .param("paidOn", "")).andExpect(status().isBadRequest());
        mvc.perform(post(path).with(as(staff)).with(csrf()).param("committed", "-1").param("paid", "0")
                .param("paidOn", "")).andExpect(status().isBadRequest());
        mvc.perform(post(path).with(as(staff)).with(csrf()).param("committed", "2000").param("paid", "999,99")
                .param("paidOn", "2024-04-15")).andExpect(status().is3xxRedirection());
        CentrePayment saved = payments.findById(first.id()).orElseThrow();
        assertThat(saved.paidCents()).isEqualTo(99_999L);
        assertThat(saved.paidOn()).isEqualTo(LocalDate.of(2024, 4, 15));
        mvc.perform(post("/admin/cyber-centres/" + otherCentre.id() + "/payments/" + first.id()).with(as(staff))
                .with(csrf()).param("committed", "1").param("paid", "0")).andExpect(status().isNotFound());
        assertThat(network.totalsPerYear()).anySatisfy(total -> {
            assertThat(total.year()).isEqualTo(2024);
            assertThat(total.paidCents()).isGreaterThanOrEqualTo(99_999L);
        });
    }

    @Test
    void theConsolidationTotalsSubmittedReportsPerDepartementAndShowsWhoIsLate() {
        int year = 2071;
        CyberCentre quiet = bed.centre("Point numérique silencieux", true);
        bed.agreement(centre, year);
        bed.agreement(otherCentre, year);
        bed.agreement(quiet, year);
        submit(centre, year, 100, 30);
        submit(otherCentre, year, 40, 12);

        CyberCentreNetwork.Consolidation consolidation = network.consolidation(year);
        assertThat(consolidation.expected()).isEqualTo(3);
        assertThat(consolidation.received()).isEqualTo(2);
        assertThat(consolidation.peopleAccompanied()).isEqualTo(140);
        assertThat(consolidation.sessions()).isEqualTo(42);
        assertThat(consolidation.late()).isZero(); // the deadline, 31 January 2072, is far ahead
        assertThat(consolidation.perDepartement())
                .extracting(CyberCentreNetwork.TerritoryLine::name, CyberCentreNetwork.TerritoryLine::centres,
                        CyberCentreNetwork.TerritoryLine::peopleAccompanied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Département des claviers", 2L, 40L),
                        org.assertj.core.groups.Tuple.tuple("Département des écrans", 1L, 100L));
        assertThat(consolidation.lines()).filteredOn(line -> line.centre().id() == quiet.id())
                .singleElement().extracting(CyberCentreNetwork.ReportLine::state).isEqualTo("MISSING");
    }

    @Test
    void staffSeeWhoIsLateOnceTheDeadlineHasPassed() throws Exception {
        int year = lastYear - 1;
        CyberCentre late = bed.centre("Cyber-centre retardataire", false);
        bed.agreement(late, year);
        CyberCentreNetwork.Consolidation consolidation = network.consolidation(year);
        assertThat(consolidation.lines()).filteredOn(line -> line.centre().id() == late.id())
                .singleElement().satisfies(line -> assertThat(line.late()).isTrue());
        mvc.perform(get("/admin/cyber-centres/rapports?year=" + year).with(as(staff)))
                .andExpect(content().string(allOf(containsString(late.name()), containsString("En retard"))));
    }

    @Test
    void eachReminderIsMailedOnceBeforeTheDeadlineAndOnceAfterIt() {
        int year = 2093;
        AgoraUser reminded = people.someone("animatrice-rappel");
        CyberCentre forgetful = bed.centre("Espace numérique oublieux", false, reminded.id().value());
        CyberCentre diligent = bed.centre("Espace numérique diligent", false, facilitator.id().value());
        bed.agreement(forgetful, year);
        bed.agreement(diligent, year);
        submit(diligent, year, 10, 3);
        int before = outbox.to(facilitator.email()).size();

        LocalDate fortnightBefore = LocalDate.of(year + 1, 1, 20);
        assertThat(reminders.sendDue(LocalDate.of(year + 1, 1, 10))).isZero();
        assertThat(reminders.sendDue(fortnightBefore)).isEqualTo(1);
        assertThat(reminders.sendDue(fortnightBefore.plusDays(1))).isZero();
        assertThat(outbox.to(reminded.email())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).contains("2093", forgetful.name()));

        assertThat(reminders.sendDue(LocalDate.of(year + 1, 2, 1))).isEqualTo(1);
        assertThat(reminders.sendDue(LocalDate.of(year + 1, 2, 2))).isZero();
        assertThat(outbox.to(reminded.email())).hasSize(2).first()
                .satisfies(mail -> assertThat(mail.subject()).contains("en retard"));
        assertThat(outbox.to(facilitator.email())).hasSize(before);
    }

    @Test
    void aCentreRecordRefusesAnUnknownCommuneAndHalfCoordinates() throws Exception {
        mvc.perform(post("/admin/cyber-centres").with(as(staff)).with(csrf())
                        .param("name", "Centre sans commune").param("address", "2 rue Haute").param("commune", "Nullepart-les-Oies")
                        .param("contactName", "Léa").param("contactEmail", "lea@example.org").param("contactPhone", "02 00 00 00 01")
                        .param("latitude", "47,1").param("longitude", "").param("status", "ACTIVE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"commune-error\""), containsString("id=\"longitude-error\""))));
        String name = CyberCentreTestBed.unique("Centre bien placé");
        mvc.perform(post("/admin/cyber-centres").with(as(staff)).with(csrf())
                        .param("name", name).param("address", "2 rue Haute").param("commune", "99302")
                        .param("contactName", "Léa").param("contactEmail", "lea@example.org").param("contactPhone", "02 00 00 00 01")
                        .param("hoursMonday", "9 h – 12 h").param("latitude", "47,1").param("longitude", "1,25")
                        .param("status", "ACTIVE"))
                .andExpect(redirectedUrlPattern("/admin/cyber-centres/*"));
        assertThat(network.list(bed.otherDepartement, null, true)).filteredOn(view -> view.name().equals(name))
                .singleElement().satisfies(view -> {
                    assertThat(view.communeName()).isEqualTo("Octet-les-Bains");
                    assertThat(view.hours().getFirst()).isEqualTo("9 h – 12 h");
                    assertThat(view.latitude()).isEqualByComparingTo("47.1");
                });
    }

    private void submit(CyberCentre which, int year, int people, int sessions) {
        CentreReport report = new CentreReport(which.id(), year);
        report.write(new CentreReportForm.Checked(people, sessions, java.util.Set.of(CentreTheme.JOB_SEARCH), null, null),
                null, java.time.Instant.now());
        report.submit(null, java.time.Instant.now());
        reports.saveAndFlush(report);
    }
}
