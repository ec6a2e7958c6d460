package org.agora.opendata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.agora.shared.OpenDataset;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public open data page ({@code /donnees}), each dataset's schema page ({@code /donnees/<name>}) and the files
 * ({@code /donnees/<name>.csv}, {@code -excel.csv}, {@code .json}, {@code .schema.json}) of the current build.
 */
@Controller
class OpenDataController {

    private final OpenDataBuilds builds;

    OpenDataController(OpenDataBuilds builds) {
        this.builds = builds;
    }

    /** What the page shows of a dataset: its files in the current build (empty before its first build). */
    record Listed(OpenDataset dataset, Map<OpenDataFormat, OpenDataBuilds.DatasetFile> files) {

        public boolean built() {
            return files.containsKey(OpenDataFormat.CSV);
        }

        public long rows() {
            return built() ? files.get(OpenDataFormat.CSV).rows() : 0;
        }

        public OpenDataBuilds.DatasetFile file(String code) {
            return files.get(OpenDataFormat.ofCode(code));
        }
    }

    @GetMapping("/donnees")
    String page(Model model) {
        Optional<OpenDataBuilds.Build> current = builds.current();
        List<OpenDataBuilds.DatasetFile> files = current.map(build -> builds.files(build.id())).orElse(List.of());
        List<Listed> listed = new ArrayList<>();
        for (OpenDataset dataset : builds.datasets()) {
            listed.add(new Listed(dataset, filesOf(dataset.name(), files)));
        }
        model.addAttribute("datasets", listed);
        model.addAttribute("build", current.orElse(null));
        model.addAttribute("licenceUrl", OpenDataWriter.LICENCE_URL);
        return "opendata/datasets";
    }

    @GetMapping("/donnees/{file}")
    Object file(@PathVariable String file, WebRequest request, Model model) {
        Optional<OpenDataset> named = builds.dataset(file);
        if (named.isPresent()) {
            return schemaPage(named.get(), model);
        }
        OpenDataFormat.FileName name = OpenDataFormat.parse(file).filter(parsed -> builds.dataset(parsed.dataset()).isPresent())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        OpenDataBuilds.Build build = builds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        OpenDataBuilds.DatasetFile built = builds.files(build.id()).stream()
                .filter(candidate -> candidate.dataset().equals(name.dataset()) && candidate.format() == name.format())
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Path path = builds.path(build.id(), name.dataset(), name.format());
        if (!Files.isReadable(path)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String etag = "\"" + built.sha256() + "\"";
        long lastModified = build.finishedAt().toEpochMilli();
        CacheControl cache = CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic();
        if (request.checkNotModified(etag, lastModified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).lastModified(lastModified).cacheControl(cache).build();
        }
        Resource body = new FileSystemResource(path);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(name.format().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (name.format() == OpenDataFormat.SCHEMA
                        ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(name.format().fileName(name.dataset())).build().toString())
                .eTag(etag).lastModified(lastModified).cacheControl(cache)
                .contentLength(built.bytes())
                .body(body);
    }

    private String schemaPage(OpenDataset dataset, Model model) {
        Optional<OpenDataBuilds.Build> current = builds.current();
        List<OpenDataBuilds.DatasetFile> files = current.map(build -> builds.files(build.id())).orElse(List.of());
        model.addAttribute("listed", new Listed(dataset, filesOf(dataset.name(), files)));
        model.addAttribute("build", current.orElse(null));
        model.addAttribute("types", dataset.columns().stream()
                .map(column -> OpenDataWriter.tableSchemaType(column.type())).toList());
        model.addAttribute("licenceUrl", OpenDataWriter.LICENCE_URL);
        return "opendata/schema";
    }

    private static Map<OpenDataFormat, OpenDataBuilds.DatasetFile> filesOf(String dataset, List<OpenDataBuilds.DatasetFile> files) {
        Map<OpenDataFormat, OpenDataBuilds.DatasetFile> mine = new EnumMap<>(OpenDataFormat.class);
        files.stream().filter(file -> file.dataset().equals(dataset)).forEach(file -> mine.put(file.format(), file));
        return mine;
    }
}
