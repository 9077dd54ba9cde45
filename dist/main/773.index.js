export const id = 773;
export const ids = [773,34,740];
export const modules = {

/***/ 20770:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__(20218);


/***/ }),

/***/ 20218:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var net = __webpack_require__(69278);
var tls = __webpack_require__(64756);
var http = __webpack_require__(58611);
var https = __webpack_require__(65692);
var events = __webpack_require__(24434);
var assert = __webpack_require__(42613);
var util = __webpack_require__(39023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 28943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeError: () => (/* binding */ describeError),
/* harmony export */   githubApi: () => (/* binding */ githubApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49735);
/**
 * The GitHub REST client: Octokit from @actions/github (what GitHub's own actions use) with the
 * retry plugin, so a 5xx or a 429 is retried with backoff before it becomes a warning.
 */


const quiet = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
function githubApi(token, env) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), log: quiet }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L);
}
/** `403 Resource not accessible by integration`, from an Octokit RequestError or anything else */
function describeError(e) {
    const err = e;
    const status = typeof err?.status === 'number' ? err.status : null;
    const apiMessage = typeof err?.response?.data?.message === 'string' ? err.response.data.message : null;
    const message = apiMessage ?? (typeof err?.message === 'string' ? err.message : String(e));
    return { status, message: status ? `${status} ${message}` : message };
}


/***/ }),

/***/ 86932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUNS_BACK: () => (/* binding */ RUNS_BACK),
/* harmony export */   artifactName: () => (/* binding */ artifactName),
/* harmony export */   findArtifactBaseline: () => (/* binding */ findArtifactBaseline)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86153);
/* harmony import */ var _core_baseline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10288);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(652);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24429);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(28943);
/**
 * `baseline: auto` on a pull request (SPEC §3): the report.json of the most recent successful
 * `push` run of the same workflow on the base branch that still has its `evalgate-<name>`
 * artifact. Runs whose artifact is missing, expired or unreadable are passed over, up to 20 runs
 * back; then there is no baseline, with a note saying why (baseline rules are skipped).
 *
 * With `history: K` (SPEC §9) the same walk goes on past the newest report until K readable reports
 * are found or the 20 runs are used up (one list call, then at most one artifact list and one
 * download per run); the newest is the baseline, all of them the history its statistics are over.
 */








const RUNS_BACK = 20;
const artifactName = (gate) => `evalgate-${gate}`;
const listed = (items) => items.length <= 5 ? items.join('; ') : `${items.slice(0, 5).join('; ')}; and ${items.length - 5} more`;
async function findArtifactBaseline({ api, ctx, gate, download, warn, history = 1 }) {
    const want = Math.max(1, Math.min(_core_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_HISTORY */ .oe, Math.floor(history)));
    const none = (note) => ({ indicators: null, info: (0,_engine_js__WEBPACK_IMPORTED_MODULE_6__/* .noBaseline */ .f$)(note), problems: [] });
    const pr = ctx.pullRequest;
    if (!pr)
        return none('baseline: auto finds one only on pull requests');
    if (!ctx.owner || !ctx.repo || !ctx.workflowFile || !pr.baseRef) {
        const what = !ctx.owner || !ctx.repo ? 'GITHUB_REPOSITORY' : !ctx.workflowFile ? 'GITHUB_WORKFLOW_REF' : "the pull request's base branch";
        const note = `no baseline: ${what} is not known, so the base branch's runs cannot be looked up`;
        warn(note);
        return none(note);
    }
    const name = artifactName(gate);
    const where = `${ctx.workflowFile} on ${pr.baseRef}`;
    let runs;
    try {
        const { data } = await api.rest.actions.listWorkflowRuns({
            owner: ctx.owner,
            repo: ctx.repo,
            workflow_id: ctx.workflowFile,
            branch: pr.baseRef,
            event: 'push',
            status: 'success',
            exclude_pull_requests: true,
            per_page: RUNS_BACK,
        });
        runs = data.workflow_runs;
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_7__.describeError)(e);
        const hint = status === 403
            ? ' (the workflow needs `permissions: actions: read`)'
            : status === 404
                ? ' (the workflow file is not on the base branch yet, or the workflow needs `permissions: actions: read`)'
                : '';
        const note = `no baseline: could not list the successful push runs of ${where}: ${message}${hint}`;
        warn(note);
        return none(note);
    }
    if (runs.length === 0)
        return none(`no baseline: no successful push run of ${where} yet`);
    const passed = [];
    const found = [];
    for (const run of runs.slice(0, RUNS_BACK)) {
        if (found.length >= want)
            break;
        let artifact;
        try {
            const { data } = await api.rest.actions.listWorkflowRunArtifacts({
                owner: ctx.owner,
                repo: ctx.repo,
                run_id: run.id,
                name,
                per_page: 100,
            });
            artifact = data.artifacts
                .filter((a) => a.name === name && !a.expired)
                .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)[0];
            if (!artifact) {
                passed.push(`run ${run.id}: ${data.artifacts.some((a) => a.name === name) ? 'artifact expired' : `no ${name} artifact`}`);
                continue;
            }
        }
        catch (e) {
            passed.push(`run ${run.id}: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_7__.describeError)(e).message}`);
            continue;
        }
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'evalgate-baseline-'));
        try {
            await download(artifact.id, run.id, dir);
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'report.json');
            const label = `${name}/report.json (run ${run.id})`;
            // the one reader of untrusted JSON: size checked before reading, depth, duplicate keys
            const parsed = await (0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(file, label);
            if (!parsed.ok && parsed.problems[0]?.expected === 'a readable file') {
                passed.push(`run ${run.id}: its ${name} artifact has no report.json at its root`);
                continue;
            }
            const read = parsed.ok && parsed.problems.length === 0
                ? (0,_core_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .readBaselineReport */ .Up)(parsed.value, label)
                : { ok: false, problems: parsed.problems };
            if (!read.ok) {
                passed.push(`run ${run.id}: ${read.problems.map(_core_problem_js__WEBPACK_IMPORTED_MODULE_5__/* .formatProblem */ .Vw).join('; ')}`);
                continue;
            }
            const foreign = (0,_core_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .foreignBaselineNote */ .YT)(read, gate, label);
            if (foreign) {
                passed.push(`run ${run.id}: ${foreign}`);
                continue;
            }
            found.push({ run, read, passedBefore: passed.length });
        }
        catch (e) {
            passed.push(`run ${run.id}: could not download its ${name} artifact: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_7__.describeError)(e).message}`);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        }
    }
    if (found.length) {
        const newest = found[0];
        const notes = [];
        if (newest.passedBefore)
            notes.push(`passed over ${newest.passedBefore} newer run(s): ${listed(passed.slice(0, newest.passedBefore))}`);
        if (want > 1) {
            notes.push(`history: ${found.length} of ${want} report(s) read from the last ${runs.length} successful push run(s) of ${where}` +
                (passed.length > newest.passedBefore ? `; passed over ${listed(passed.slice(newest.passedBefore))}` : ''));
        }
        const note = notes.length ? notes.join('; ') : null;
        if (note)
            warn(`baseline: ${note}`);
        const entry = ({ run, read }) => ({
            run_id: run.id,
            commit: run.head_sha || read.commit,
            created_at: run.created_at || read.createdAt,
            path: run.html_url || name,
        });
        return {
            indicators: newest.read.indicators,
            ...(want > 1 ? { history: found.map((f) => f.read.indicators) } : {}),
            info: {
                source: 'artifact',
                ...entry(newest),
                note,
                ...(want > 1 ? { history: found.map(entry) } : {}),
            },
            problems: [],
        };
    }
    const note = `no baseline: none of the last ${runs.length} successful push run(s) of ${where} has a readable ${name} artifact (${listed(passed)})`;
    warn(note);
    return none(note);
}


/***/ }),

/***/ 77184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PULL_REQUEST_FILE: () => (/* reexport safe */ _pull_request_file_js__WEBPACK_IMPORTED_MODULE_7__.L),
/* harmony export */   describeRefusal: () => (/* binding */ describeRefusal),
/* harmony export */   readPublished: () => (/* binding */ readPublished),
/* harmony export */   triggeringRun: () => (/* binding */ triggeringRun),
/* harmony export */   verifyPullRequest: () => (/* binding */ verifyPullRequest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(38816);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86153);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(652);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28943);
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86932);
/* harmony import */ var _pull_request_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(22503);
/**
 * `mode: publish` (SPEC §11): a fork's pull request runs the gate with a read-only token, which
 * cannot comment or write checks; its artifact then carries `pull_request.json`. A second workflow,
 * on `workflow_run` of the gate workflow, runs the action with `mode: publish`: it downloads that
 * artifact from the triggering run and posts the comment and the check run with its own token.
 *
 * Everything in the artifact is the fork's to write, so it is data and nothing else: read with the
 * bounded JSON reader, checked field by field against the report's shape, re-rendered by our own
 * Markdown writer (every string a code span, as indicator text always is), never executed. The
 * pull request it names must be one whose head is the commit the triggering run tested, and the
 * report must be this gate's (same name); otherwise nothing is posted.
 */










const SHA = /^[0-9a-f]{40}$/;
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().max(max);
const num = zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().finite().nullable();
const pullRequestFile = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig()
        .int()
        .positive()
        .max(2 ** 31),
    head_sha: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(SHA, 'a 40-digit lowercase hex commit SHA'),
    base_ref: text(255).nullable(),
})
    .strict();
const indicatorEntry = zod__WEBPACK_IMPORTED_MODULE_8__/* .lazy */ .RZV(() => zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    sources: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(4096)).max(100_000),
    approximate: zod__WEBPACK_IMPORTED_MODULE_8__/* .boolean */ .zMY(),
    notes: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(4096)).max(1000),
    attacks: zod__WEBPACK_IMPORTED_MODULE_8__/* .record */ .g1P(text(200), indicatorEntry).optional(),
})
    .catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()));
/** the fields our Markdown writer and the check read, each of the type it expects (unknown extra fields pass) */
const publishedReport = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    schema_version: zod__WEBPACK_IMPORTED_MODULE_8__/* .literal */ .euz(1),
    name: text(200),
    verdict: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['pass', 'warn', 'inconclusive', 'fail']),
    generated_at: text(64),
    commit: text(64).nullable(),
    ref: text(1024).nullable(),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().int().nullable(),
    platform: text(64),
    required: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(200)).max(1000),
    missing_indicators: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(200)).max(1000),
    indicators: zod__WEBPACK_IMPORTED_MODULE_8__/* .record */ .g1P(text(200), indicatorEntry),
    rules: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        indicator: text(200),
        field: text(200),
        op: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['<', '<=', '>', '>=', '==', '!=']),
        expr: text(500),
        level: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['error', 'warn']),
        status: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['pass', 'fail', 'missing', 'skipped', 'inconclusive', 'incomparable']),
        actual: num,
        limit: num,
        baseline: num,
        delta: num,
        detail: text(4096),
        // drawn by the Markdown writer: numbers, or nothing
        interval: zod__WEBPACK_IMPORTED_MODULE_8__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().finite(), zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().finite()]).optional(),
        history: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().finite()).max(100).optional(),
        attempts: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({ attempt: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().int(), actual: num, status: text(64) }).catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()))
            .max(100)
            .optional(),
    })
        .catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()))
        .max(1000),
    problems: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(8192)).max(10_000),
    warnings: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(text(8192)).max(1000),
    jobs: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        indicator: text(200),
        shard: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().int().min(0),
        platform_id: text(1024).nullable(),
        platform_url: text(2048).nullable(),
        status: text(64),
        duration_s: num,
        message: text(8192).optional(),
    })
        .catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()))
        .max(100_000),
    baseline: zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        source: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['artifact', 'file', 'none']),
        run_id: zod__WEBPACK_IMPORTED_MODULE_8__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig(), text(64)]).nullable(),
        commit: text(64).nullable(),
        created_at: text(64).nullable(),
        path: text(2048).nullable(),
        note: text(8192).nullable(),
    })
        .catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()),
})
    .catchall(zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J());
/** the `workflow_run` event's run, from the event payload */
function triggeringRun(eventName, eventPath, read) {
    const bad = (found) => ({
        file: 'input mode',
        expected: 'a workflow_run event (mode: publish runs in a workflow on: workflow_run)',
        found,
    });
    if (eventName !== 'workflow_run')
        return bad(`the ${eventName || 'unknown'} event`);
    let payload;
    try {
        payload = JSON.parse(read(eventPath ?? ''));
    }
    catch {
        return bad('no readable event payload (GITHUB_EVENT_PATH)');
    }
    const r = payload.workflow_run;
    if (!r || !Number.isSafeInteger(r.id) || typeof r.head_sha !== 'string' || !SHA.test(r.head_sha))
        return bad('a payload without workflow_run.id and head_sha');
    return {
        id: r.id,
        head_sha: r.head_sha,
        conclusion: typeof r.conclusion === 'string' ? r.conclusion : null,
        path: typeof r.path === 'string' && /^\.github\/workflows\/[\w.-]+$/.test(r.path) ? r.path : null,
        event: typeof r.event === 'string' ? r.event : null,
    };
}
function zodProblems(file, error, value, max = 5) {
    return error.issues.slice(0, max).map((i) => {
        let at = value;
        for (const k of i.path)
            at = at !== null && typeof at === 'object' ? at[k] : undefined;
        const shown = at === undefined ? 'nothing' : (JSON.stringify(at) ?? String(at));
        return {
            file,
            path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
            expected: i.message.replace(/^Invalid input: expected /, '').replace(/^Too big: expected /, ''),
            found: shown.length > 80 ? `${shown.slice(0, 79)}…` : shown,
        };
    });
}
/**
 * Downloads `evalgate-<gate>` of the triggering run and reads what to publish: nothing when the gate
 * commented itself (no pull_request.json), refused when anything in it is not what it must be.
 */
async function readPublished(api, repo, run, gate, download) {
    const name = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_6__.artifactName)(gate);
    const refused = (problems) => ({ kind: 'refused', problems });
    let artifact;
    try {
        const { data } = await api.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: run.id, name, per_page: 100 });
        artifact = data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)[0];
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_5__.describeError)(e);
        return refused([
            {
                subject: `run ${run.id}`,
                expected: `its artifacts listed${status === 403 ? ' (the workflow needs permissions: actions: read)' : ''}`,
                found: message,
            },
        ]);
    }
    if (!artifact)
        return {
            kind: 'nothing',
            note: `nothing to publish: run ${run.id} has no ${name} artifact (the gate did not get as far, or it has another name)`,
        };
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'evalgate-publish-'));
    try {
        try {
            await download(artifact.id, run.id, dir);
        }
        catch (e) {
            return refused([{ subject: `${name} of run ${run.id}`, expected: 'a downloadable artifact', found: (0,_api_js__WEBPACK_IMPORTED_MODULE_5__.describeError)(e).message }]);
        }
        const prFile = `${name}/${_pull_request_file_js__WEBPACK_IMPORTED_MODULE_7__/* .PULL_REQUEST_FILE */ .L} (run ${run.id})`;
        const prJson = await (0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, _pull_request_file_js__WEBPACK_IMPORTED_MODULE_7__/* .PULL_REQUEST_FILE */ .L), prFile);
        if (!prJson.ok && prJson.problems[0]?.expected === 'a readable file') {
            return {
                kind: 'nothing',
                note: `nothing to publish: the ${name} artifact of run ${run.id} has no ${_pull_request_file_js__WEBPACK_IMPORTED_MODULE_7__/* .PULL_REQUEST_FILE */ .L} (the gate could comment itself)`,
            };
        }
        if (!prJson.ok || prJson.problems.length)
            return refused(prJson.problems);
        const pr = pullRequestFile.safeParse(prJson.value);
        if (!pr.success)
            return refused(zodProblems(prFile, pr.error, prJson.value));
        if (pr.data.head_sha !== run.head_sha) {
            return refused([
                { file: prFile, path: '$.head_sha', expected: `the commit run ${run.id} tested (${run.head_sha})`, found: pr.data.head_sha },
            ]);
        }
        const reportFile = `${name}/report.json (run ${run.id})`;
        const parsed = await (0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'report.json'), reportFile);
        if (!parsed.ok || parsed.problems.length)
            return refused(parsed.problems);
        const report = publishedReport.safeParse(parsed.value);
        if (!report.success)
            return refused(zodProblems(reportFile, report.error, parsed.value));
        if (report.data.name !== gate) {
            return refused([
                { file: reportFile, path: '$.name', expected: `this gate's name ${JSON.stringify(gate)}`, found: JSON.stringify(report.data.name) },
            ]);
        }
        const reportText = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'report.json'), 'utf8');
        return { kind: 'publish', report: report.data, pr: pr.data, reportText, artifactId: artifact.id };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}
/** the pull request the artifact names must have the triggering run's commit as its head */
async function verifyPullRequest(api, repo, pr, run) {
    try {
        const { data } = await api.rest.pulls.get({ ...repo, pull_number: pr.number });
        if (data.head.sha !== run.head_sha) {
            return {
                subject: `pull request #${pr.number}`,
                expected: `its head to be the commit run ${run.id} tested (${run.head_sha})`,
                found: data.head.sha,
            };
        }
        return null;
    }
    catch (e) {
        return { subject: `pull request #${pr.number}`, expected: 'a pull request of this repository', found: (0,_api_js__WEBPACK_IMPORTED_MODULE_5__.describeError)(e).message };
    }
}
function describeRefusal(problems) {
    return `nothing published: ${problems.map(_core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw).join('; ')}`;
}


/***/ })

};
