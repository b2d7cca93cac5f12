package itu.wsis.web.contract;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every call a fake service answers against that service's {@link ServiceContract} and records what breaks it
 * in {@link ContractViolations}. The answer is checked when its handler closes the body and before the body leaves:
 * the client cannot have the whole answer, so the page cannot have been rendered, until the violation is recorded, and
 * the test that caused it is the one {@link FailOnContractViolations} fails.
 */
public final class ContractFilter extends Filter {

    private final ServiceContract contract;

    public ContractFilter(ServiceContract contract) {
        this.contract = contract;
    }

    @Override
    public String description() {
        return "checks requests and answers against docs/api/" + contract.service() + ".json";
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> requestHeaders = new HashMap<>(exchange.getRequestHeaders());
        OutputStream wire = exchange.getResponseBody();
        exchange.setStreams(new ByteArrayInputStream(requestBody), new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                byte[] responseBody = toByteArray();
                try {
                    ContractViolations.record(contract.check(new ServiceContract.Call(exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                            requestHeaders, requestBody, exchange.getResponseCode(),
                            new HashMap<>(exchange.getResponseHeaders()), responseBody)));
                } catch (RuntimeException e) {
                    ContractViolations.record(List.of("docs/api/" + contract.service() + ".json: the check of "
                            + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e));
                }
                wire.write(responseBody);
                wire.close();
            }
        });
        chain.doFilter(exchange);
    }
}
