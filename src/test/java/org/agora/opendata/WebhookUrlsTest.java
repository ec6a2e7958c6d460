package org.agora.opendata;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which URLs may receive webhooks, with names resolved by a fixed table instead of the network. */
class WebhookUrlsTest {

    static final Map<String, String> DNS = Map.of(
            "partenaire.example.org", "93.184.215.14",
            "intranet.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "localhost", "127.0.0.1");

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9.:a-fA-F]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    final WebhookUrls strict = new WebhookUrls(false, WebhookUrlsTest::resolve);
    final WebhookUrls forTests = new WebhookUrls(true, WebhookUrlsTest::resolve);

    @Test
    void acceptsAnHttpsUrlOnAPublicAddress() {
        assertThat(strict.problem("https://partenaire.example.org/agora/webhooks?source=agora")).isEmpty();
        assertThat(strict.problem("https://93.184.215.14:8443/hook")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partenaire.example.org/hook", "http://93.184.215.14/hook", "http://localhost:8080/hook"})
    void refusesPlainHttp(String url) {
        assertThat(strict.problem(url)).contains("opendata.webhooks.url.https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://10.0.0.5/hook",
            "https://172.16.4.2/hook", "https://192.168.1.20/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[fd12:3456::1]/hook", "https://[fe80::1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook", "https://intranet.example.org/hook",
            "https://metadata.example.org/hook"})
    void refusesLoopbackPrivateAndLinkLocalAddressesAndNamesThatResolveToThem(String url) {
        assertThat(strict.problem(url)).contains("opendata.webhooks.url.private");
    }

    @Test
    void refusesWhatIsNotAUsableUrl() {
        assertThat(strict.problem("")).contains("opendata.webhooks.url.required");
        assertThat(strict.problem("partenaire.example.org/hook")).contains("opendata.webhooks.url.invalid");
        assertThat(strict.problem("ftp://partenaire.example.org/hook")).contains("opendata.webhooks.url.invalid");
        assertThat(strict.problem("https://partenaire.example.org/a b")).contains("opendata.webhooks.url.invalid");
        assertThat(strict.problem("https://user:secret@partenaire.example.org/hook")).contains("opendata.webhooks.url.credentials");
        assertThat(strict.problem("https://inconnu.example.org/hook")).contains("opendata.webhooks.url.unresolved");
        assertThat(strict.problem("https://partenaire.example.org/" + "a".repeat(500))).contains("opendata.webhooks.url.tooLong");
    }

    @Test
    void letsLoopbackThroughOnlyWhenInsecureLocalhostIsAllowed() {
        assertThat(forTests.problem("http://127.0.0.1:8123/hook")).isEmpty();
        assertThat(forTests.problem("http://localhost:8123/hook")).isEmpty();
        assertThat(forTests.problem("https://localhost:8123/hook")).isEmpty();
        assertThat(forTests.problem("http://partenaire.example.org/hook")).contains("opendata.webhooks.url.https");
        assertThat(forTests.problem("https://10.0.0.5/hook")).contains("opendata.webhooks.url.private");
        assertThat(forTests.problem("http://intranet.example.org/hook")).contains("opendata.webhooks.url.https");
    }

    @Test
    void checksTheAddressAgainWhenTheNameNowResolvesElsewhere() {
        String[] answer = {"93.184.215.14"};
        WebhookUrls changing = new WebhookUrls(false, host -> new InetAddress[] {InetAddress.getByName(answer[0])});
        assertThat(changing.problem("https://rebind.example.org/hook")).isEqualTo(Optional.empty());
        answer[0] = "192.168.0.10";
        assertThat(changing.problem("https://rebind.example.org/hook")).contains("opendata.webhooks.url.private");
    }
}
