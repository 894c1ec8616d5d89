package org.dyad.web.pages;

import org.dyad.application.access.Viewer;
import org.dyad.application.users.AccountRole;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Routes page URLs to the static pages; the pages fetch their data from the API. */
@Controller
class PageController {

    private static final ClassPathResource LOGIN_PAGE = new ClassPathResource("pages/login.html");

    @GetMapping("/")
    String home(Viewer viewer) {
        if (viewer.role() == AccountRole.PERSON_SERVED) {
            return "redirect:/me";
        }
        if (viewer.role().isClinicalStaff() && viewer.unit() != null) {
            return "redirect:/board/" + viewer.unit();
        }
        if (viewer.role() == AccountRole.AUDITOR) {
            return "redirect:/audit";
        }
        return "redirect:/swagger-ui.html";
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout) throws IOException {
        String message = error != null ? "<p class=\"notice error\" role=\"alert\">That user name and password do not match.</p>"
                : logout != null ? "<p class=\"notice\" role=\"status\">You are signed out.</p>" : "";
        return LOGIN_PAGE.getContentAsString(StandardCharsets.UTF_8)
                .replace("__MESSAGE__", message)
                .replace("__CSRF_PARAM__", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("__CSRF_TOKEN__", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    @GetMapping("/board/{unit}")
    String board(@PathVariable String unit) {
        return "forward:/board.html";
    }

    @GetMapping({"/cases/new", "/cases/{id}"})
    String casePage() {
        return "forward:/case.html";
    }

    @GetMapping("/me")
    String personPage() {
        return "forward:/me.html";
    }

    @GetMapping("/cases/{id}/sessions/{sessionId}")
    String sessionPage() {
        return "forward:/session.html";
    }

    @GetMapping("/cases/{id}/decisions/{decisionId}")
    String decisionPage() {
        return "forward:/decision.html";
    }

    @GetMapping("/cases/{id}/restrictions/{interventionId}")
    String restriction() {
        return "forward:/restriction.html";
    }

    @GetMapping({"/audit", "/audit/cases/{id}"})
    String auditPage() {
        return "forward:/audit.html";
    }
}
