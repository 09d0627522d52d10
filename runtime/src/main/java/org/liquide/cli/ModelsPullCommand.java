package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.generate.hub.FilePatterns;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubClient;
import org.liquide.generate.hub.HubException;
import org.liquide.generate.hub.HubModelName;
import org.liquide.generate.hub.HubPull;
import org.liquide.generate.hub.HubToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code liquide models pull}: the project's one download, run by a person, into the Hugging Face cache. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Downloads a model from the Hugging Face Hub (or a mirror) into the Hugging Face cache, verifying"
                + " every file, continuing cut downloads. Python tools share that cache. The show never downloads:"
                + " it names the result hf:org/name@commit.",
                "Exit 0: pulled; 2: refused (no access, not found); 1: a file failed its checksum or the network failed."})
final class ModelsPullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPO", description = "The repository, org/name (e.g. stabilityai/sd-turbo).")
    String repo;

    @Option(names = "--revision", defaultValue = "main", paramLabel = "R",
            description = "Branch, tag or commit. Default: ${DEFAULT-VALUE}.")
    String revision;

    @Option(names = "--include", paramLabel = "GLOB", arity = "1..*",
            description = "Only the files matching these globs (e.g. 'unet/*' '*.json'); README.md always comes along.")
    List<String> include = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DIR",
            description = "The Hub cache folder to fill. Default: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub.")
    Path to;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The Hub or a mirror. Default: $HF_ENDPOINT, else https://huggingface.co.")
    URI endpoint;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding an access token for gated models. Default: $HF_TOKEN, else ~/.cache/huggingface/token.")
    Path tokenFile;

    @Option(names = "--jobs", defaultValue = "4", paramLabel = "N",
            description = "Files downloaded at once. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        try {
            new HubModelName(repo, revision, "");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("models pull: " + e.getMessage());
        }
        if (jobs < 1 || jobs > 32) {
            throw new BadInputException("models pull: --jobs must be 1 to 32, got " + jobs);
        }
        HubCache cache = to != null ? new HubCache(to) : HubCache.locate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HubClient client;
        try {
            client = new HubClient(endpoint(env), HubToken.find(Optional.ofNullable(tokenFile), env, home));
        } catch (IOException e) {
            throw new BadInputException("models pull: cannot read the token: " + e.getMessage(), e);
        }
        HubPull.Result result;
        try (PullProgressBars bars = new PullProgressBars()) {
            result = new HubPull(client, cache, jobs, bars).pull(repo, revision, new FilePatterns(include));
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.ACCESS_DENIED || e.kind() == HubException.Kind.NOT_FOUND) {
                throw new BadInputException("models pull: " + e.getMessage(), e);
            }
            return failed(err, e);
        } catch (IOException e) {
            return failed(err, e);
        }
        String commit = result.listing().commit();
        out.printf(Locale.ROOT, "%s@%s is commit %s: %d files, %s (%d fetched, %d already in the cache)%n", repo, revision,
                commit, result.files().size(), size(result.bytes()), result.fetched().size(),
                result.files().size() - result.fetched().size());
        out.println("  " + result.snapshot());
        out.println("name it in a scene or showcase as: " + new HubModelName(repo, commit, ""));
        out.flush();
        return ExitCodes.OK;
    }

    private URI endpoint(Map<String, String> env) {
        if (endpoint != null) {
            return endpoint;
        }
        String variable = env.get("HF_ENDPOINT");
        try {
            return variable != null && !variable.isBlank() ? URI.create(variable.strip()) : HubClient.DEFAULT_ENDPOINT;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("models pull: HF_ENDPOINT is not a URL: " + variable);
        }
    }

    private static int failed(PrintWriter err, IOException e) {
        err.println("models pull: " + e.getMessage());
        for (Throwable other : e.getSuppressed()) {
            err.println("models pull: " + other.getMessage());
        }
        err.flush();
        return ExitCodes.INTERNAL_FAILURE;
    }

    /** 1536 → "1.5 KiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
