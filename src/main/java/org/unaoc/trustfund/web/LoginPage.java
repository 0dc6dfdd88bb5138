package org.unaoc.trustfund.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form (Spring Security checks it on POST /login). */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String failed, @RequestParam(required = false) @Nullable String out,
                 @RequestParam(required = false) @Nullable String username, Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("username", username == null || username.length() > 100 ? "" : username);
        model.addAttribute("out", out != null);
        return "login";
    }
}
