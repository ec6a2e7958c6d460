package org.agora;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;

/** Reads a module's French and English bundles and the literal message keys its templates use. */
public final class MessageBundles {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-z]+\\.[A-Za-z0-9_.]+)");

    private MessageBundles() {
    }

    public static Set<String> keys(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("messages/" + bundle + ".properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /** Keys written literally as #{key} or #{key(...)} in the module's templates. */
    public static Set<String> usedInTemplates(String directory) {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates", directory))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    public static Set<String> asciiApostrophesInPatterns(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("messages/" + bundle + ".properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> bad = new TreeSet<>();
        properties.forEach((key, value) -> {
            String text = value.toString();
            if (text.contains("'") && text.contains("{0}")) {
                bad.add(key.toString());
            }
        });
        return bad;
    }
}
