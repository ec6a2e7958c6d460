package org.agora.programmes;

import java.util.List;

import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The public pages of the network: the list with its map and totals, filtered by département or commune; a centre. */
@Controller
@RequestMapping("/cyber-centres")
class CyberCentreController {

    private final CyberCentreNetwork network;
    private final CyberCentreCatalog catalog;

    CyberCentreController(CyberCentreNetwork network, CyberCentreCatalog catalog) {
        this.network = network;
        this.catalog = catalog;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long departement, @RequestParam(required = false) Long commune,
                Model model) {
        List<TerritoryView> departements = network.departements();
        if (departement != null && !network.isTerritory(departement)) {
            throw new ResponseStatusException(NOT_FOUND, "No territory " + departement);
        }
        List<CentreView> all = network.list(departement, null, false);
        List<CentreView> shown = commune == null ? all
                : all.stream().filter(centre -> centre.communeId() == commune).toList();
        model.addAttribute("departements", departements);
        model.addAttribute("communes", all.stream().map(centre -> new Commune(centre.communeId(), centre.communeName()))
                .distinct().sorted(java.util.Comparator.comparing(Commune::name)).toList());
        model.addAttribute("departement", departement);
        model.addAttribute("commune", commune);
        model.addAttribute("centres", shown);
        model.addAttribute("map", CentreMap.of(shown));
        model.addAttribute("figures", catalog.figures());
        Integer year = network.latestReportedYear();
        model.addAttribute("year", year);
        model.addAttribute("yearFigures", year == null ? null : network.consolidation(year));
        return "programmes/centres/public-list";
    }

    record Commune(long id, String name) {
    }

    @GetMapping("/{id}")
    String centre(@PathVariable long id, Model model) {
        CentreView centre = network.require(id);
        model.addAttribute("centre", centre);
        return "programmes/centres/public-centre";
    }
}
