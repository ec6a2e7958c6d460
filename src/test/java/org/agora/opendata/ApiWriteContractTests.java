package org.agora.opendata;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.agora.AgoraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every write operation, its bearer security with the scope it needs, and its errors. */
@AgoraTest
class ApiWriteContractTests {

    @Autowired MockMvc mvc;

    @Test
    void documentsEveryWriteOperationWithItsScopeAndItsProblems() throws Exception {
        ApiWriteContract contract = new ApiWriteContract(mvc);
        JsonNode scheme = contract.document.path("components").path("securitySchemes").path(ApiTokenConfiguration.SCHEME);
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        record Expected(String method, String path, String scope, String success) {
        }
        List<Expected> operations = List.of(
                new Expected("POST", ApiWriteTests.SUBMIT, "proposals:write", "201"),
                new Expected("PUT", ApiWriteTests.SUPPORT, "supports:write", "200"),
                new Expected("DELETE", ApiWriteTests.SUPPORT, "supports:write", "204"),
                new Expected("POST", ApiWriteTests.COMMENT, "comments:write", "201"),
                new Expected("PUT", ApiWriteTests.REGISTRATION, "registrations:write", "200"),
                new Expected("DELETE", ApiWriteTests.REGISTRATION, "registrations:write", "200"));
        for (Expected expected : operations) {
            JsonNode operation = contract.operation(expected.method(), expected.path());
            assertThat(operation.isMissingNode()).as("%s %s is documented", expected.method(), expected.path()).isFalse();
            List<String> scopes = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.path(ApiTokenConfiguration.SCHEME)
                    .forEach(scope -> scopes.add(scope.asString())));
            assertThat(scopes).as("%s %s security", expected.method(), expected.path()).containsExactly(expected.scope());
            JsonNode responses = operation.path("responses");
            assertThat(responses.has(expected.success())).isTrue();
            for (String status : List.of("401", "403", "404")) {
                assertThat(responses.path(status).path("content").has("application/problem+json"))
                        .as("%s %s documents %s as a problem", expected.method(), expected.path(), status).isTrue();
            }
        }
    }
}
