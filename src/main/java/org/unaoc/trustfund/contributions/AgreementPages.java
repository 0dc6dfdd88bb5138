package org.unaoc.trustfund.contributions;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.web.WebPage;

/** Contributors, their pledges and their agreements with the tranches, for the finance office and auditors. */
@WebPage
class AgreementPages {

    private final Contributors contributors;
    private final Pledges pledges;
    private final Agreements agreements;
    private final AgreementViews views;

    AgreementPages(Contributors contributors, Pledges pledges, Agreements agreements, AgreementViews views) {
        this.contributors = contributors;
        this.pledges = pledges;
        this.agreements = agreements;
        this.views = views;
    }

    @GetMapping("/agreements")
    String list(Viewer viewer, Model model) {
        model.addAttribute("contributors", contributors.list(viewer));
        model.addAttribute("pledges", pledges.list(viewer));
        model.addAttribute("agreements", agreements.list(viewer));
        return "contributions/agreements";
    }

    @GetMapping("/agreements/{id}")
    String agreement(@PathVariable long id, Viewer viewer, Model model) {
        AgreementViews.Agreement agreement = views.get(id);
        viewer.requireDetailsOf(agreement.contributor(), "Agreement " + id);
        model.addAttribute("agreement", agreement);
        return "contributions/agreement";
    }
}
