package io.portevoix.campaigns.adapter.web;

import io.portevoix.billing.NotEnoughCreditsException;
import io.portevoix.campaigns.CampaignStateException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A campaign whose status forbids the request is a 409; a send the credits do not cover is a 402
 * that says how many are needed and available. Ordered before the platform's generic handler.
 */
@RestControllerAdvice(basePackages = "io.portevoix")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignProblems {

    @ExceptionHandler(CampaignStateException.class)
    ProblemDetail state(CampaignStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://porte-voix.io/problems/campaign-state"));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        return problem;
    }

    @ExceptionHandler(NotEnoughCreditsException.class)
    ProblemDetail credits(NotEnoughCreditsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED, e.getMessage()
                + ". Ask the platform administrator for credits (Credits screen).");
        problem.setType(URI.create("https://porte-voix.io/problems/not-enough-credits"));
        problem.setTitle(HttpStatus.PAYMENT_REQUIRED.getReasonPhrase());
        problem.setProperty("needed", e.needed());
        problem.setProperty("available", e.available());
        return problem;
    }
}
