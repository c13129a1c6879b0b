package io.crmbridge.sandbox.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Atlassian's RestAssured filter (fails the test with the validation report when the request or the response
 * does not match the description), applied only to the paths the description covers: control endpoints under
 * {@code /sandbox/hubspot/_sandbox/} are not HubSpot's API and pass unvalidated.
 */
final class SandboxContractFilter implements Filter {

    private final OpenApiValidationFilter delegate;

    SandboxContractFilter(OpenApiInteractionValidator validator) {
        this.delegate = new OpenApiValidationFilter(validator);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!SandboxContract.isDescribed(request.getDerivedPath())) {
            return context.next(request, response);
        }
        return delegate.filter(request, response, context);
    }
}
