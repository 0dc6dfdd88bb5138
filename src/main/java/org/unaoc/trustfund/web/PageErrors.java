package org.unaoc.trustfund.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.unaoc.trustfund.system.Problems;

/** A page that cannot be shown (a bad date in its address, a record that does not exist) says why, as a page. */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(Exception.class)
    String refused(Exception failure, Model model, HttpServletResponse response) {
        ProblemDetail problem = Problems.from(failure);
        response.setStatus(problem.getStatus());
        model.addAttribute("problem", problem);
        return "error-page";
    }
}
