package org.unaoc.trustfund.contributions;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

@RestController
@RequestMapping("/api/contributors")
class ContributorController {

    private final Contributors contributors;

    ContributorController(Contributors contributors) {
        this.contributors = contributors;
    }

    @GetMapping
    List<Contributors.Contributor> list(Viewer viewer) {
        return contributors.list(viewer);
    }

    @GetMapping("/{code}")
    Contributors.Contributor get(@PathVariable String code, Viewer viewer) {
        viewer.requireDetailsOf(code, "Contributor " + code);
        return contributors.get(code);
    }

    @PostMapping
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    Contributors.Contributor create(@Valid @RequestBody Contributors.Contributor contributor, Principal user) {
        return contributors.create(contributor, user.getName());
    }
}
