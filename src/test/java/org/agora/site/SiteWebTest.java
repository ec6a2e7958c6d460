package org.agora.site;

import org.agora.processes.ProcessCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {
        "agora.demo-data=true", "agora.base-url=https://participer.example.org"})
@AutoConfigureMockMvc
class SiteWebTest {

    @Autowired MockMvc mvc;
    @Autowired ProcessCatalog processes;

    @Test
    void theHomePageShowsCurrentProcessesInFrenchByDefault() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fr\">")))
                .andExpect(content().string(containsString(processes.current(1).get(0).title())))
                .andExpect(content().string(containsString("Phase : Contribuer")))
                .andExpect(content().string(containsString("href=\"#main\"")));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("default-src 'self'"), containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")))))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceAndReturnsToThePage() throws Exception {
        mvc.perform(get("/language/en").param("back", "/legal/privacy"))
                .andExpect(redirectedUrl("/legal/privacy"))
                .andExpect(cookie().value("agora_lang", "en"));
        mvc.perform(get("/legal/privacy").cookie(new Cookie("agora_lang", "en")))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Personal data")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"})
    void theLanguageSwitchNeverRedirectsOffSite(String back) throws Exception {
        mvc.perform(get("/language/en").param("back", back)).andExpect(redirectedUrl("/"));
    }

    @Test
    void anUnknownLanguageIsNotFound() throws Exception {
        mvc.perform(get("/language/xx")).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notice", "privacy", "accessibility", "terms"})
    void theLegalPagesExistWithOneHeading(String page) throws Exception {
        mvc.perform(get("/legal/" + page)).andExpect(status().isOk())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                        result.getResponse().getContentAsString().split("<h1").length - 1).isEqualTo(1));
    }

    @Test
    void anUnknownPageGetsTheNotFoundPageInsideTheLayout() throws Exception {
        mvc.perform(get("/legal/nope")).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(org.springframework.http.MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", 404))
                .andExpect(content().string(containsString("Page introuvable")))
                .andExpect(content().string(containsString("class=\"site-footer\"")));
    }

    @Test
    void theSiteMapListsEveryPublicPageKindWithAbsoluteAddresses() throws Exception {
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andExpect(content().string(allOf(
                        containsString("<loc>https://participer.example.org/</loc>"),
                        containsString("<loc>https://participer.example.org/processes</loc>"),
                        containsString("<loc>https://participer.example.org/processes/" + processes.publishedSlugs().get(0) + "</loc>"),
                        containsString("<loc>https://participer.example.org/legal/accessibility</loc>"))));
    }

    @Test
    void theHealthEndpointAnswers() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(containsString("UP")));
    }
}
