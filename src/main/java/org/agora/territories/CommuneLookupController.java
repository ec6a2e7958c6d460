package org.agora.territories;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The commune look-up used by forms (sign-up, profile): an HTML fragment of radio buttons for htmx, or JSON.
 * Documented in docs/territories-import.md.
 */
@Controller
class CommuneLookupController {

    static final int LIMIT = 20;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final TerritoryDirectory directory;

    CommuneLookupController(TerritoryDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/territories/communes")
    String fragment(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "communeId") String name,
                    Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("communes", find(q));
        model.addAttribute("fieldName", FIELD_NAME.matcher(name).matches() ? name : "communeId");
        return "territories/communes :: results";
    }

    @GetMapping(value = "/territories/communes", params = "format=json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<CommuneMatch> json(@RequestParam(defaultValue = "") String q) {
        return find(q).stream().map(commune -> new CommuneMatch(commune.id(), commune.code(), commune.name(),
                commune.postalCodes(), commune.label())).toList();
    }

    private List<TerritoryView> find(String q) {
        return q.isBlank() || q.length() > 100 ? List.of() : directory.searchCommunes(q, LIMIT);
    }

    record CommuneMatch(long id, String code, String name, List<String> postalCodes, String label) {
    }
}
