package org.agora.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected error under /api/ is a generic 500 problem: no exception message, class or stack trace leaks. */
class ApiProblemWriterTests {

    @Test
    void anUnexpectedErrorIsAGeneric500ProblemWithoutItsMessageOrStackTrace() throws Exception {
        ApiProblemWriter writer = new ApiProblemWriter(JsonMapper.builder().build(), "https://agora.example/");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/proposals");
        MockHttpServletResponse response = new MockHttpServletResponse();

        writer.write(request, response, new IllegalStateException("secret-database-password-in-message"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("secret-database-password-in-message", "IllegalStateException", "at org.");
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.path("type").asString()).isEqualTo("https://agora.example/api#problem-server-error");
        assertThat(problem.path("title").asString()).isEqualTo("Internal Server Error");
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/proposals");
        assertThat(problem.path("detail").asString()).isNotBlank();
    }
}
