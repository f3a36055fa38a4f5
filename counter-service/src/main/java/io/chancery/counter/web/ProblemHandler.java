package io.chancery.counter.web;

import io.chancery.web.ServiceProblemHandler;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem+json: counter-service has no problems of its own beyond
 * those every service answers ({@link ServiceProblemHandler}).
 */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

}
