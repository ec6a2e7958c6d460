package org.agora.accounts;

import java.util.List;

import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A real instance starts without demo data: its first administrator comes from configuration. */
@DatabaseTest
@SpringBootTest(properties = {"agora.demo-data=false", "agora.admin.email=DGS@Region.example.org",
        "agora.admin.password=une phrase de passe pour commencer"})
@AutoConfigureMockMvc
class FirstAdministratorTest {

    @Autowired AccountManagement accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired AccountsBootstrap bootstrap;

    @Test
    void theConfiguredAdministratorIsCreatedConfirmedAndCanSignIn() throws Exception {
        assertThat(accounts.anyAdministrator()).isTrue();
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE email = 'dgs@region.example.org'", String.class))
                .isEqualTo("ACTIVE");
        mvc.perform(post("/login").with(csrf()).param("email", "dgs@region.example.org")
                .param("password", "une phrase de passe pour commencer")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aSecondStartDoesNotCreateItAgainNorAnotherOne() throws Exception {
        bootstrap.run(null);
        bootstrap.run(null);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM role_assignment WHERE role = 'ADMINISTRATOR'", Integer.class)).isEqualTo(1);
        assertThat(accounts.assignments()).extracting(assignment -> assignment.grant().role()).containsExactly(Role.ADMINISTRATOR);
        assertThat(List.of(accounts.assignments().get(0).email())).containsExactly("dgs@region.example.org");
    }
}
