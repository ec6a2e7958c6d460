package org.agora;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.agora.notifications.MailOutbox;
import org.agora.notifications.OutboxMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of the browser tests: the whole application on a random port, driven by the system Chromium
 * ({@code /usr/bin/chromium}, never a downloaded browser) through Playwright, each page checked with axe-core.
 * Name subclasses {@code *BrowserTest}: .ci/run looks for their surefire reports to prove they ran.
 *
 * <p>Without Chromium the tests are skipped (JUnit assumption) and say so: a "BROWSER TESTS SKIPPED" line on standard
 * output and the marker file {@code target/browser-tests-skipped}, which makes .ci/run fail.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    /** The system Chromium; the system property agora.test.chromium points elsewhere (for instance to test the skip). */
    public static final Path CHROMIUM = Path.of(System.getProperty("agora.test.chromium", "/usr/bin/chromium"));
    public static final Path SKIPPED_MARKER = Path.of("target/browser-tests-skipped");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    // One browser per test class, shared by its tests; static so that it starts before (and without) Spring.
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    protected Page page;

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MailOutbox outbox;

    /**
     * Runs before Spring starts the application (with the default per-method lifecycle the context is loaded when the
     * first test instance is prepared, after this), so that a machine without Chromium does not pay for it.
     */
    @BeforeAll
    static void launchChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String notice = "BROWSER TESTS SKIPPED: " + CHROMIUM + " not found (install Debian's chromium package)";
            System.out.println(notice);
            Files.createDirectories(SKIPPED_MARKER.toAbsolutePath().getParent());
            Files.writeString(SKIPPED_MARKER, notice + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Assumptions.abort(notice);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void freshBrowserContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path of the application in this test's page and returns the page. */
    protected Page open(String path) {
        page.navigate(url(path));
        return page;
    }

    /**
     * Signs in through the sign-in form (its submit button is the one inside main: the header has a link of the same
     * name) and waits until the application has left the sign-in page.
     */
    protected void signIn(String email, String password) {
        open("/login");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL(address -> !address.contains("/login"));
    }

    /** On a proposal page, reports the comment with this text for the reason of this label, checking the report form. */
    protected void reportComment(String text, String reasonLabel) {
        Locator main = page.getByRole(AriaRole.MAIN);
        main.locator("li.comment", new Locator.LocatorOptions().setHasText(text)).first()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Signaler")).first().click();
        assertThat(page.locator("h1")).hasText("Signaler un commentaire");
        assertAccessible(page);
        page.getByLabel(reasonLabel).check();
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer le signalement")).click();
        assertThat(page.locator("[role=status]"))
                .containsText("Merci, votre signalement est transmis aux modérateurs.");
    }

    /**
     * As a signed-in moderator: opens the queue, the case of the comment with this text, and hides it for this reason
     * (a ModerationReason name) with an optional note; every page checked with axe.
     */
    protected void hideCommentFromTheQueue(String text, String reason, String note) {
        Locator main = page.getByRole(AriaRole.MAIN);
        open("/admin/moderation");
        assertThat(page.locator("h1")).hasText("File de modération");
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Commentaire — " + text)).click();
        assertThat(main).containsText(text);
        assertAccessible(page);
        page.getByLabel("Motif", new Page.GetByLabelOptions().setExact(true)).selectOption(reason);
        if (note != null) {
            page.getByLabel("Note pour le journal (facultative)").first().fill(note);
        }
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Masquer et informer l’auteur")).click();
        assertThat(page.locator("[role=status]"))
                .containsText("Le contenu est masqué ; son auteur en est informé.");
    }

    /** Fails on any axe-core violation of impact serious or critical (WCAG 2.0/2.1 A and AA rules). */
    protected void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + page.url() + ":\n" + blocking.stream()
                    .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " <"
                            + rule.getHelpUrl() + ">\n" + rule.getNodes().stream()
                            .map(node -> "    at " + node.getTarget() + ": " + node.getHtml())
                            .collect(Collectors.joining("\n")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The link of the newest mail to this address (the one a person would click), read from the outbox, pointing at
     * this test's server: agora.base-url is resolved before the random port is known, so only the path and query of
     * the mailed link are kept.
     */
    protected String latestMailLink(String email) {
        String link = outbox.latestTo(email).map(OutboxMail::link)
                .orElseThrow(() -> new AssertionError("No mail to " + email + " in the outbox"));
        URI mailed = URI.create(link);
        return url(mailed.getRawPath() + (mailed.getRawQuery() == null ? "" : "?" + mailed.getRawQuery()));
    }

    /** The file of this name in the newest mail to this address that carries one (a feature's QR code, invitation...). */
    protected OutboxMail.File latestMailAttachment(String email, String fileName) {
        return outbox.to(email).stream().flatMap(mail -> mail.attachment(fileName).stream()).findFirst()
                .orElseThrow(() -> new AssertionError("No mail to " + email + " carries " + fileName));
    }

    /** Writes a full-page screenshot to target/screenshots/&lt;name&gt;.png and returns its path. */
    protected Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name.replaceAll("[^\\w.-]", "_") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
