package org.agora.opendata;

import org.agora.AgoraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With a small limit: the request past it is a 429 problem with Retry-After, per address and per token apart. */
@AgoraTest
@TestPropertySource(properties = {"agora.api.rate-limit.anonymous-per-minute=3", "agora.api.rate-limit.token-per-minute=5"})
class ApiRateLimitTests {

    @Autowired MockMvc mvc;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void theRequestPastAnAddressLimitIsTooManyWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/territories").with(from("10.98.0.1"))).andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "3"))
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(2 - i)));
        }
        mvc.perform(get("/api/v1/territories").with(from("10.98.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("RateLimit-Remaining", "0"));
        mvc.perform(get("/api/v1/territories").with(from("10.98.0.2"))).andExpect(status().isOk());
    }

    @Test
    void aTokenIsCountedApartFromItsAddressWithItsOwnLimit() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/territories").with(from("10.98.1.1")).header("Authorization", "Bearer jeton-de-test-un"))
                    .andExpect(status().isOk()).andExpect(header().string("RateLimit-Limit", "5"));
        }
        mvc.perform(get("/api/v1/territories").with(from("10.98.1.2")).header("Authorization", "Bearer jeton-de-test-un"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/territories").with(from("10.98.1.1")).header("Authorization", "Bearer jeton-de-test-deux"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/territories").with(from("10.98.1.1"))).andExpect(status().isOk());
    }
}
