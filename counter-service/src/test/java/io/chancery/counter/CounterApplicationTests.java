package io.chancery.counter;

import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.web.OperationalEndpointsContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service starts against the real engines and answers its operational endpoints:
 * liveness and readiness groups, build info and Prometheus metrics, on the management
 * port only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
class CounterApplicationTests extends OperationalEndpointsContract {

}
