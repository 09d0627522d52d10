package org.liquide.generate.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The Hugging Face Hub's HTTP API, as far as downloading a model needs it: the revision listing, the
 * {@code resolve/} metadata and the file contents, with ranges. Redirects are followed here rather than by
 * the HTTP client so that the token goes only to the endpoint's own host, never to a CDN it redirects to.
 */
public final class HubClient {
    public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");
    private static final int MAX_REDIRECTS = 10;
    private static final long MAX_LISTING_BYTES = 32L << 20;
    private static final int BUFFER = 1 << 16;
    /** How long a download may go without a byte before it counts as cut. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Optional<String> token;
    private final HttpClient http;
    private final Duration stallLimit;
    private final ObjectMapper json = new ObjectMapper();

    public HubClient(URI endpoint, Optional<String> token) {
        this(endpoint, token, STALL_LIMIT);
    }

    /** @param stallLimit how long a download may go without a byte before it fails as a cut connection */
    public HubClient(URI endpoint, Optional<String> token, Duration stallLimit) {
        this.stallLimit = stallLimit;
        String text = endpoint.toString();
        this.endpoint = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The model's page, where a person accepts a gated model's licence. */
    public URI modelPage(String repo) {
        return URI.create(endpoint + "/" + repo);
    }

    /** {@code GET /api/models/{repo}/revision/{revision}?blobs=true}: the commit and every file with its size and ids. */
    public RepoListing listing(String repo, String revision) throws IOException {
        URI uri = URI.create(endpoint + "/api/models/" + repo + "/revision/" + encode(revision) + "?blobs=true");
        HttpResponse<InputStream> response = send(request(uri).GET().build(), repo);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes((int) MAX_LISTING_BYTES + 1);
        }
        if (body.length > MAX_LISTING_BYTES) {
            throw new HubException(HubException.Kind.SERVER, uri + ": the listing is over " + (MAX_LISTING_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.SERVER, uri + ": not a revision listing (" + e.getMessage() + ")");
        }
        String commit = root.path("sha").asText("");
        if (!HubModelName.isCommit(commit)) {
            throw new HubException(HubException.Kind.SERVER, uri + ": the listing names no commit ('sha')");
        }
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode sibling : root.path("siblings")) {
            String name = sibling.path("rfilename").asText("");
            if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                throw new HubException(HubException.Kind.SERVER, uri + ": a file with an unsafe name: '" + name + "'");
            }
            JsonNode lfs = sibling.path("lfs");
            Optional<String> sha256 = lfs.isObject() ? Optional.of(lfs.path("sha256").asText("")).filter(s -> !s.isEmpty()) : Optional.empty();
            long size = lfs.isObject() ? lfs.path("size").asLong(sibling.path("size").asLong(-1)) : sibling.path("size").asLong(-1);
            String blobId = sibling.path("blobId").asText("");
            if (size < 0 || (blobId.isEmpty() && sha256.isEmpty())) {
                throw new HubException(HubException.Kind.SERVER, uri + ": '" + name + "' has no size or id (was ?blobs=true ignored?)");
            }
            files.add(new RepoFile(name, size, blobId, sha256));
        }
        return new RepoListing(repo, commit, files);
    }

    /** {@code HEAD /{repo}/resolve/{commit}/{file}}, following the Hub's own relative redirects, not the CDN's. */
    public FileMetadata metadata(String repo, String commit, String file) throws IOException {
        URI uri = resolveUri(repo, commit, file);
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            HttpRequest request = request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept-Encoding", "identity").build();
            HttpResponse<Void> response = http(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            Optional<String> location = headers.firstValue("Location");
            if (isRedirect(status) && location.isPresent() && location.get().startsWith("/")) {
                uri = uri.resolve(location.get()); // a renamed repository: the Hub's own redirect
                continue;
            }
            refuseErrors(status, repo, uri);
            String etag = headers.firstValue("X-Linked-Etag").or(() -> headers.firstValue("ETag"))
                    .map(HubClient::normalizeEtag).orElseThrow(() -> new HubException(HubException.Kind.SERVER,
                            file + ": the Hub sent no ETag"));
            long size = headers.firstValueAsLong("X-Linked-Size").orElse(headers.firstValueAsLong("Content-Length").orElse(-1));
            String at = headers.firstValue("X-Repo-Commit").orElse(commit);
            URI content = isRedirect(status) && location.isPresent() ? uri.resolve(location.get()) : uri;
            return new FileMetadata(at, etag, size, content);
        }
        throw new HubException(HubException.Kind.SERVER, uri + ": more than " + MAX_REDIRECTS + " redirects");
    }

    /**
     * Downloads {@code url} into {@code part}, continuing after the bytes it already holds with a {@code Range}
     * request, and never writing more than {@code expectedSize}. {@code progress} hears each chunk's length.
     * A cut connection, or one that sends nothing for the stall limit, leaves the part as it is, for the
     * next call to continue.
     */
    public void download(URI url, Path part, long expectedSize, LongConsumer progress) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > expectedSize) {
            Files.delete(part);
            have = 0;
        }
        if (have == expectedSize) {
            return;
        }
        URI uri = url;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            HttpRequest.Builder builder = request(uri).GET().header("Accept-Encoding", "identity");
            if (have > 0) {
                builder.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = http(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (isRedirect(status) && location.isPresent()) {
                response.body().close();
                uri = uri.resolve(location.get());
                continue;
            }
            if (status == 416) { // the part is not a prefix the server recognises: start again
                response.body().close();
                Files.deleteIfExists(part);
                have = 0;
                continue;
            }
            if (status != 200 && status != 206) {
                response.body().close();
                refuseErrors(status, "", uri);
                throw new HubException(HubException.Kind.SERVER, uri + ": HTTP " + status);
            }
            boolean append = status == 206 && have > 0 && rangeStart(response.headers()) == have;
            if (!append) {
                have = 0;
            }
            copy(response.body(), part, append, expectedSize - have, uri, progress);
            return;
        }
        throw new HubException(HubException.Kind.SERVER, url + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private void copy(InputStream body, Path part, boolean append, long room, URI uri, LongConsumer progress) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        StallWatch watch = new StallWatch(body, stallLimit);
        try (watch; InputStream in = body;
             FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[BUFFER];
            long left = room;
            int n;
            while ((n = in.read(buffer)) > 0) {
                watch.fed();
                if (n > left) {
                    throw new HubException(HubException.Kind.CHECKSUM, uri + " sent more bytes than the listing says the file has");
                }
                out.write(ByteBuffer.wrap(buffer, 0, n));
                left -= n;
                progress.accept(n);
            }
        } catch (IOException e) {
            if (!watch.fired()) {
                throw e;
            }
        }
        if (watch.fired()) {
            throw new SocketTimeoutException(uri.getHost() + " sent nothing for " + stallLimit.toSeconds() + " s in the middle of "
                    + uri.getPath() + " (the part is kept to continue from)");
        }
    }

    private static long rangeStart(HttpHeaders headers) {
        // Content-Range: bytes 100-199/200
        return headers.firstValue("Content-Range").map(value -> {
            String range = value.replaceFirst("^bytes\\s+", "");
            int dash = range.indexOf('-');
            try {
                return dash > 0 ? Long.parseLong(range.substring(0, dash).strip()) : -1L;
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /** Strips a weak-validator prefix and the quotes: {@code W/"abc"} → {@code abc}. */
    static String normalizeEtag(String etag) {
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    private URI resolveUri(String repo, String commit, String file) {
        StringBuilder path = new StringBuilder();
        for (String segment : file.split("/")) {
            path.append('/').append(encode(segment));
        }
        return URI.create(endpoint + "/" + repo + "/resolve/" + encode(commit) + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("User-Agent", "liquide; hf_hub-compatible");
        if (token.isPresent() && sameOrigin(uri)) {
            builder.header("Authorization", "Bearer " + token.get());
        }
        return builder;
    }

    private boolean sameOrigin(URI uri) {
        return endpoint.getScheme().equalsIgnoreCase(uri.getScheme()) && endpoint.getHost().equalsIgnoreCase(uri.getHost())
                && endpoint.getPort() == uri.getPort();
    }

    private HttpResponse<InputStream> send(HttpRequest request, String repo) throws IOException {
        HttpResponse<InputStream> response = http(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            refuseErrors(response.statusCode(), repo, request.uri());
            throw new HubException(HubException.Kind.SERVER, request.uri() + ": HTTP " + response.statusCode());
        }
        return response;
    }

    private <T> HttpResponse<T> http(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while talking to " + request.uri().getHost());
        }
    }

    private void refuseErrors(int status, String repo, URI uri) throws HubException {
        if (status == 401 || status == 403) {
            String page = repo.isEmpty() ? endpoint.toString() : modelPage(repo).toString();
            throw new HubException(HubException.Kind.ACCESS_DENIED, "access refused (HTTP " + status + ") to " + uri.getPath()
                    + ": accept the model's licence on " + page + " while logged in, then put an access token in "
                    + HubToken.defaultFile(System.getenv(), Path.of(System.getProperty("user.home")))
                    + " or in HF_TOKEN (or give --token-file)");
        }
        if (status == 404) {
            throw new HubException(HubException.Kind.NOT_FOUND, uri + ": not found (HTTP 404): check the repository, revision and file names");
        }
        if (status >= 400) {
            throw new HubException(HubException.Kind.SERVER, uri + ": HTTP " + status);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
