package io.portevoix.audience.adapter.web;

import io.portevoix.audience.SegmentInUseException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A segment campaigns still need is a 409 naming them; ordered before the platform's generic handler. */
@RestControllerAdvice(basePackages = "io.portevoix")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SegmentProblems {

    @ExceptionHandler(SegmentInUseException.class)
    ProblemDetail inUse(SegmentInUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://porte-voix.io/problems/segment-in-use"));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("campaigns", e.campaigns());
        return problem;
    }
}
