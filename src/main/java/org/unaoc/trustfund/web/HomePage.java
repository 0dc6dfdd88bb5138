package org.unaoc.trustfund.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.unaoc.trustfund.security.Viewer;

/** After login: the home page of the user's role. */
@WebPage
class HomePage {

    @GetMapping("/")
    String home(Viewer viewer) {
        return "redirect:" + PageModel.home(viewer);
    }
}
