package io.frontline.cli;

import io.frontline.store.TokenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code frontline token create|list|revoke}: API tokens of a store. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage API tokens: writes to the HTTP API (and reads with 'serve --private-reads') need one.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create NAME, list or revoke NAME");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once (the store keeps only a salted SHA-256 hash). NAME is recorded "
                    + "as the reviewer of reviews made with it.")
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Who holds the token: letters, digits, '.', '_', '@', '-'.")
        String name;
        @Mixin
        StoreOptions store;
        @Option(names = "--debug", description = "Print stack traces of internal errors.")
        boolean debug;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!TokenStore.NAME.matcher(name).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "NAME '" + name
                        + "': use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
            }
            try (TokenStore t = store.openTokens()) {
                String token;
                try {
                    token = t.create(name);
                } catch (IllegalArgumentException e) {
                    System.err.println("frontline: " + e.getMessage());
                    return 2;
                }
                System.out.println(token);
                System.err.println("frontline: token '" + name + "' created; it is shown only now. Use it as "
                        + "'Authorization: Bearer TOKEN' or in the page's Token field.");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens: name, created, revoked (never the token).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--debug", description = "Print stack traces of internal errors.")
        boolean debug;

        @Override
        public Integer call() {
            try (TokenStore t = store.openTokens()) {
                List<TokenStore.TokenInfo> all = t.list();
                System.out.printf("%-24s %-26s %s%n", "name", "created", "revoked");
                for (TokenStore.TokenInfo i : all) {
                    System.out.printf("%-24s %-26s %s%n", i.name(), i.createdAt(), i.revokedAt() == null ? "-" : i.revokedAt());
                }
                if (all.isEmpty()) {
                    System.err.println("frontline: no tokens; 'frontline token create NAME' makes one");
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: requests with it get 403 (a running server notices within 2 seconds).")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;
        @Mixin
        StoreOptions store;
        @Option(names = "--debug", description = "Print stack traces of internal errors.")
        boolean debug;

        @Override
        public Integer call() {
            try (TokenStore t = store.openTokens()) {
                if (!t.revoke(name)) {
                    System.err.println("frontline: no active token named '" + name + "' (see 'frontline token list')");
                    return 1;
                }
                System.out.println("revoked " + name);
            }
            return 0;
        }
    }
}
