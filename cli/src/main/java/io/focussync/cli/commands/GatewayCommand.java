package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.config.ConfigStore;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.util.concurrent.Callable;
import tools.jackson.databind.JsonNode;

/** A command that talks to the gateway with the stored login. */
abstract class GatewayCommand implements Callable<Integer> {

  protected final CliContext context;

  GatewayCommand(CliContext context) {
    this.context = context;
  }

  protected ConfigStore config() {
    return ConfigStore.locate(context.env());
  }

  protected Login login() {
    return config().require();
  }

  protected GatewayClient client() {
    return new GatewayClient(login());
  }

  /** Prints a JSON answer as it came, indented. */
  protected void printJson(JsonNode node) {
    context.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }
}
