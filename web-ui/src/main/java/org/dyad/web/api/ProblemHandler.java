package org.dyad.web.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.shared.NotFound;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error as RFC 9457 problem+json, in the language of the field; validation names the field. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

    @ExceptionHandler(InvalidInput.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidInput(InvalidInput e) {
        return badRequest(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler({NotPermitted.class, AccessDeniedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail notPermitted(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e instanceof NotFound ? e.getMessage() : "No such record.");
    }

    @ExceptionHandler(DomainRuleViolation.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail ruleBroken(DomainRuleViolation e) {
        return problem(HttpStatus.CONFLICT, "A rule of the field says no", e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Changed at the same moment",
                "Someone else changed this record at the same moment; reload it and try again.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainRuleViolation rule) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ruleBroken(rule));
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange((RuntimeException) cause));
        }
        if (cause instanceof EventStoreException) {
            throw (EventStoreException) cause;
        }
        throw e;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error;
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            error = new FieldError(field, describe(mapping));
        } else {
            error = new FieldError("body", "The request body is missing or is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(badRequest(List.of(error)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' is not a valid value.")));
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + format.getValue() + "' is not one of " + List.of(target.getEnumConstants()) + ".";
            }
            if (target != null && target.getSimpleName().equals("LocalDate")) {
                return "'" + format.getValue() + "' is not a date in the form YYYY-MM-DD.";
            }
            if (target != null && target.getSimpleName().endsWith("DateTime")) {
                return "'" + format.getValue() + "' is not an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z.";
            }
            return "'" + format.getValue() + "' is not a valid value.";
        }
        if (mapping instanceof MismatchedInputException) {
            return "This value has the wrong type.";
        }
        return "This value cannot be read.";
    }

    private static ProblemDetail badRequest(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Please check: " + fields + ".");
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
