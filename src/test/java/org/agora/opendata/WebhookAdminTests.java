package org.agora.opendata;

import java.util.List;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages of the webhooks: who may open them, the form's checks, and every action logged. */
@AgoraTest
@Import(WebhookTestSetup.class)
@TestPropertySource(properties = {
        "agora.webhooks.allow-insecure-localhost=true",
        "agora.webhooks.read-timeout=PT1S",
        "agora.webhooks.pause-after-failures=3"})
class WebhookAdminTests {

    @Autowired MockMvc mvc;
    @Autowired People people;
    @Autowired WebhookEndpoints endpoints;
    @Autowired JdbcClient jdbc;

    @Test
    void onlyStaffAndAdministratorsOpenTheWebhooks() throws Exception {
        mvc.perform(get("/admin/webhooks")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/webhooks").with(as(people.participant()))).andExpect(status().isForbidden());
        AgoraUser moderator = people.someone("moderatrice", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        mvc.perform(get("/admin/webhooks").with(as(moderator))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks").with(as(moderator)).with(csrf())
                .param("name", "Intrus").param("url", "https://93.184.215.14/hook").param("events", "panel.drawn"))
                .andExpect(status().isForbidden());
        AgoraUser facilitator = people.someone("animatrice", new RoleGrant(Role.FACILITATOR, RoleScope.GLOBAL));
        mvc.perform(get("/admin/webhooks").with(as(facilitator))).andExpect(status().isForbidden());

        mvc.perform(get("/admin/webhooks").with(as(people.staff(RoleScope.GLOBAL)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enregistrer un point de terminaison")));
        mvc.perform(get("/admin/webhooks/new").with(as(people.administrator()))).andExpect(status().isOk());
    }

    @Test
    void refusesAPlainHttpOrPrivateAddressWithAMessageOnTheField() throws Exception {
        AgoraUser staff = people.staff(RoleScope.GLOBAL);
        mvc.perform(post("/admin/webhooks").with(as(staff)).with(csrf())
                        .param("name", "Partenaire en clair").param("url", "http://partenaire-en-clair.example.org/hook")
                        .param("events", "proposal.published"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "L’adresse doit commencer par https:// : les notifications ne sont envoyées que chiffrées.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"url-error\"")));
        mvc.perform(post("/admin/webhooks").with(as(staff)).with(csrf())
                        .param("name", "Partenaire interne").param("url", "https://169.254.169.254/latest/meta-data")
                        .param("events", "proposal.published"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("mène à un réseau privé ou local")));
        mvc.perform(post("/admin/webhooks").with(as(staff)).with(csrf())
                        .param("name", "").param("url", "https://93.184.215.14/hook"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez un nom.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cochez au moins un événement.")));
        assertThat(endpoints.all()).extracting(WebhookEndpoints.Endpoint::name)
                .doesNotContain("Partenaire en clair", "Partenaire interne");
    }

    @Test
    void registersShowsTheSecretOnceAndLogsEveryAction() throws Exception {
        AgoraUser staff = people.staff(RoleScope.GLOBAL);
        MvcResult created = mvc.perform(post("/admin/webhooks").with(as(staff)).with(csrf())
                        .param("name", "Observatoire régional des webhooks").param("url", "https://93.184.215.14/agora")
                        .param("events", "proposal.published", "panel.drawn"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/admin/webhooks/*"))
                .andExpect(flash().attributeExists("webhookSecret")).andReturn();
        String secret = (String) created.getFlashMap().get("webhookSecret");
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/admin/webhooks/".length()));
        WebhookEndpoints.Endpoint endpoint = endpoints.find(id).orElseThrow();
        assertThat(endpoint.secret()).isEqualTo(secret).startsWith("whsec_").hasSize(6 + 64);
        assertThat(endpoint.events()).containsExactlyInAnyOrder(WebhookEvent.PROPOSAL_PUBLISHED, WebhookEvent.PANEL_DRAWN);

        String page = mvc.perform(get("/admin/webhooks/" + id).with(as(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Observatoire régional des webhooks").doesNotContain(secret);

        mvc.perform(post("/admin/webhooks/" + id).with(as(staff)).with(csrf())
                .param("name", "Observatoire régional").param("url", "https://93.184.215.14/agora/v2")
                .param("events", "meeting.published")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/webhooks/" + id + "/pause").with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(endpoints.find(id).orElseThrow().paused()).isTrue();
        mvc.perform(post("/admin/webhooks/" + id + "/resume").with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(endpoints.find(id).orElseThrow().paused()).isFalse();
        MvcResult regenerated = mvc.perform(post("/admin/webhooks/" + id + "/secret").with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String newSecret = (String) regenerated.getFlashMap().get("webhookSecret");
        assertThat(newSecret).isNotEqualTo(secret).isEqualTo(endpoints.find(id).orElseThrow().secret());
        mvc.perform(post("/admin/webhooks/" + id + "/ping").with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        long ping = jdbc.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = :id AND event = 'ping'").param("id", id)
                .query(Long.class).single();
        mvc.perform(get("/admin/webhooks/" + id + "/deliveries/" + ping).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Pas encore de tentative.")));
        mvc.perform(post("/admin/webhooks/" + id + "/deliveries/" + ping + "/redeliver").with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        WebhookEndpoints.Endpoint updated = endpoints.find(id).orElseThrow();
        assertThat(updated.name()).isEqualTo("Observatoire régional");
        assertThat(updated.events()).containsExactly(WebhookEvent.MEETING_PUBLISHED);
        assertThat(endpoints.actions(id, 20)).allSatisfy(action -> assertThat(action.actorId()).isEqualTo(staff.id().value()))
                .extracting(WebhookEndpoints.Action::action)
                .containsExactly("REDELIVERED", "PING", "SECRET_REGENERATED", "RESUMED", "PAUSED", "UPDATED", "CREATED");

        mvc.perform(post("/admin/webhooks/" + id + "/delete").with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(endpoints.find(id)).isEmpty();
        assertThat(endpoints.actions(id, 20)).extracting(WebhookEndpoints.Action::action).startsWith("DELETED");
        mvc.perform(get("/admin/webhooks/" + id).with(as(staff))).andExpect(status().isNotFound());
    }

    @Test
    void answersNotFoundForADeliveryOfAnotherEndpoint() throws Exception {
        AgoraUser staff = people.staff(RoleScope.GLOBAL);
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : List.of("Premier partenaire croisé", "Second partenaire croisé")) {
            MvcResult created = mvc.perform(post("/admin/webhooks").with(as(staff)).with(csrf()).param("name", name)
                    .param("url", "https://93.184.215.14/" + ids.size()).param("events", "panel.drawn")).andReturn();
            ids.add(Long.parseLong(created.getResponse().getRedirectedUrl().substring("/admin/webhooks/".length())));
        }
        mvc.perform(post("/admin/webhooks/" + ids.get(0) + "/ping").with(as(staff)).with(csrf()));
        long ping = jdbc.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = :id").param("id", ids.get(0))
                .query(Long.class).single();
        mvc.perform(get("/admin/webhooks/" + ids.get(1) + "/deliveries/" + ping).with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/webhooks/" + ids.get(1) + "/deliveries/" + ping + "/redeliver").with(as(staff)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
