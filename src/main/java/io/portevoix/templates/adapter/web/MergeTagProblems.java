package io.portevoix.templates.adapter.web;

import io.portevoix.templates.MergeTagException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Merge-tag problems as RFC 9457 validation problems: 422 with one {@code errors} entry per
 * problem (the field, a message naming the tag, and its line and column). Ordered before the
 * platform's generic handler of invalid arguments, which would drop the details.
 */
@RestControllerAdvice(basePackages = "io.portevoix")
@Order(Ordered.HIGHEST_PRECEDENCE)
class MergeTagProblems {

    @ExceptionHandler(MergeTagException.class)
    ProblemDetail mergeTags(MergeTagException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create("https://porte-voix.io/problems/validation"));
        problem.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of("field", p.field(),
                "message", p.message(), "tag", p.tag(), "line", p.line(), "column", p.column())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
