package org.agora.accountability;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public charter page and its staff pages. */
@Controller
class CharterController implements ContributionTargetPage {

    private final CharterArticles articles;
    private final Contributions contributions;

    CharterController(CharterArticles articles, Contributions contributions) {
        this.articles = articles;
        this.contributions = contributions;
    }

    @GetMapping("/charte")
    String charter(Model model) {
        model.addAttribute("articles", articles.all());
        return "accountability/charter";
    }

    @GetMapping("/admin/charte")
    @PreAuthorize(Contributions.STAFF)
    String list(Model model) {
        model.addAttribute("articles", articles.all());
        model.addAttribute("form", Map.of());
        return "accountability/admin-charter";
    }

    @PostMapping("/admin/charte")
    @PreAuthorize(Contributions.STAFF)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = articles.create(form.get("number"), form.get("title"), form.get("body"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/charte/" + id;
        } catch (CharterInvalid invalid) {
            model.addAttribute("articles", articles.all());
            return CharterPages.rejected(invalid, "form", form, "accountability/admin-charter", model, response);
        }
    }

    @GetMapping("/admin/charte/{id}")
    @PreAuthorize(Contributions.STAFF)
    String show(@PathVariable long id, Model model) {
        return adminPage(id, model);
    }

    @PostMapping("/admin/charte/{id}")
    @PreAuthorize(Contributions.STAFF)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        String view = adminPage(id, model);
        try {
            articles.update(id, form.get("number"), form.get("title"), form.get("body"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/charte/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "form", form, view, model, response);
        }
    }

    @PostMapping("/admin/charte/{id}/delete")
    @PreAuthorize(Contributions.STAFF)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        articles.find(id).orElseThrow(CharterPages::notFound);
        articles.delete(id);
        redirect.addFlashAttribute("flash", "accountability.charter.flash.deleted");
        return "redirect:/admin/charte";
    }

    @Override
    public ContributionKind kind() {
        return ContributionKind.CHARTER_ARTICLE;
    }

    @Override
    public String adminPage(long id, Model model) {
        CharterArticles.Article article = articles.find(id).orElseThrow(CharterPages::notFound);
        model.addAttribute("article", article);
        model.addAttribute("form", Map.of("number", String.valueOf(article.number()), "title", article.title(), "body", article.body()));
        model.addAttribute("kind", kind());
        model.addAttribute("target", id);
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/admin-article";
    }
}
