package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda 7.24 with its webapps and REST API and nothing else: the start-up baseline. */
@SpringBootApplication
public class BareCamunda {

	public static void main(String[] args) {
		SpringApplication.run(BareCamunda.class, args);
	}
}
