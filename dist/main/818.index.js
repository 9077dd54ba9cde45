export const id = 818;
export const ids = [818,34];
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

/***/ 35611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ANNOTATIONS_PER_REQUEST: () => (/* binding */ ANNOTATIONS_PER_REQUEST),
/* harmony export */   CHECK_MODES: () => (/* reexport safe */ _check_modes_js__WEBPACK_IMPORTED_MODULE_1__.S),
/* harmony export */   CHECK_SUMMARY_LIMIT: () => (/* binding */ CHECK_SUMMARY_LIMIT),
/* harmony export */   checkAnnotations: () => (/* binding */ checkAnnotations),
/* harmony export */   checkName: () => (/* binding */ checkName),
/* harmony export */   checkNote: () => (/* binding */ checkNote),
/* harmony export */   conclusionFor: () => (/* binding */ conclusionFor),
/* harmony export */   finishCheck: () => (/* binding */ finishCheck),
/* harmony export */   ruleLine: () => (/* binding */ ruleLine),
/* harmony export */   startCheck: () => (/* binding */ startCheck)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28943);
/* harmony import */ var _core_sanitize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89528);
/* harmony import */ var _check_modes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49826);
/**
 * The check run `evalgate / <name>` (SPEC §11): created `in_progress` when the jobs are submitted,
 * with links to the platform jobs, and completed with `success`, `neutral` (warn) or `failure`,
 * the report as its summary and one annotation per failed rule.
 *
 * `check: auto` (the default) creates it when the token may write checks: a 403 (a fork's read-only
 * token, or a workflow whose `permissions:` leave out `checks: write`) is a note, never a failure.
 * `check: true` makes that note a warning; `check: false` never calls the Checks API.
 */



/** GitHub's limits: output.summary and output.text at most 65535 characters, 50 annotations per request */
const CHECK_SUMMARY_LIMIT = 65535;
const ANNOTATIONS_PER_REQUEST = 50;
function checkName(gate) {
    return `evalgate / ${gate}`;
}
/** why the check run could not be written, and what gives the token that right */
function checkNote(status, message) {
    if (status === 403 || status === 404) {
        return (`no check run: the token may not write checks (${message}). Give the workflow \`permissions: checks: write\`; ` +
            "a fork's pull request gets a read-only token (see mode: publish).");
    }
    return `no check run: ${message}`;
}
function jobLines(jobs) {
    if (!jobs.length)
        return '';
    const line = (j) => {
        const name = (0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(j.name).replace(/[[\]`|]/g, '\\$&');
        return j.url && /^https:\/\//.test(j.url) ? `- [${name}](${j.url.replace(/[()\s]/g, encodeURIComponent)})` : `- ${name}`;
    };
    return `Jobs:\n${jobs.map(line).join('\n')}`;
}
async function startCheck(api, target, gate, opts = {}) {
    const now = opts.now ?? (() => new Date());
    try {
        const { data } = await api.rest.checks.create({
            owner: target.owner,
            repo: target.repo,
            name: checkName(gate),
            head_sha: target.headSha,
            status: 'in_progress',
            started_at: now().toISOString(),
            ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
            output: {
                title: 'Running the evaluation jobs',
                summary: jobLines(opts.jobs ?? []) || 'The jobs are being submitted.',
            },
        });
        return { ok: true, id: data.id, url: data.html_url ?? '' };
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_0__.describeError)(e);
        return { ok: false, status, note: checkNote(status, message) };
    }
}
/** the check's conclusion from the verdict and whether the step passed (fail-on may let a failing gate pass) */
function conclusionFor(report, passed, cancelled) {
    if (cancelled)
        return 'cancelled';
    if (!passed)
        return 'failure';
    return report.verdict === 'pass' ? 'success' : 'neutral';
}
function cut(text, limit) {
    if (text.length <= limit)
        return text;
    const note = '\n\n… (cut: the whole report is in the job summary and the artifact)';
    return text.slice(0, limit - note.length) + note;
}
/** the line of `indicator.field` in the config's text (1 when it cannot be found) */
function ruleLine(configText, indicator, field) {
    if (!configText)
        return 1;
    const lines = configText.split('\n');
    const i = lines.findIndex((l) => l.includes(`${indicator}.${field}`));
    return i < 0 ? 1 : i + 1;
}
/**
 * statuses that get an annotation (`inconclusive` fails the check unless `inconclusive: warn`;
 * `incomparable` never fails it, but is shown loudly: a warning, SPEC §10)
 */
const ANNOTATED = new Set(['fail', 'missing', 'inconclusive', 'incomparable']);
/** one annotation per failed (or missing) rule, on the line of the rule in the file that holds it */
function checkAnnotations(report, path, configText) {
    const out = [];
    for (const r of report.rules) {
        if (!ANNOTATED.has(r.status))
            continue;
        const line = ruleLine(configText, r.indicator, r.field);
        const found = r.actual !== null && r.actual !== undefined ? ` (found ${r.actual})` : '';
        out.push({
            path,
            start_line: line,
            end_line: line,
            annotation_level: r.level === 'error' && r.status !== 'incomparable' ? 'failure' : 'warning',
            title: (0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(`${r.indicator}.${r.field} ${r.status}`),
            message: (0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(`${r.indicator}.${r.field} ${r.op} ${r.expr}: ${r.status}${found}${r.detail ? ` — ${r.detail}` : ''}`),
        });
    }
    return out;
}
async function finishCheck(api, target, id, report, opts) {
    const now = opts.now ?? (() => new Date());
    const title = opts.conclusion === 'cancelled'
        ? 'Cancelled'
        : `${report.verdict}: ${report.rules.filter((r) => r.status === 'pass').length} of ${report.rules.length} rules pass`;
    const summary = cut(opts.summary, CHECK_SUMMARY_LIMIT);
    const batches = [];
    for (let i = 0; i < opts.annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(opts.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    try {
        let url = '';
        // annotations are appended by each update: the first batches go with the output, the last completes it
        for (let i = 0; i < Math.max(batches.length, 1); i++) {
            const last = i === Math.max(batches.length, 1) - 1;
            const { data } = await api.rest.checks.update({
                owner: target.owner,
                repo: target.repo,
                check_run_id: id,
                ...(last ? { status: 'completed', conclusion: opts.conclusion, completed_at: now().toISOString() } : {}),
                output: { title, summary, ...(batches[i]?.length ? { annotations: batches[i] } : {}) },
            });
            url = data.html_url ?? '';
        }
        return { ok: true, id, url };
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_0__.describeError)(e);
        return { ok: false, status, note: checkNote(status, message) };
    }
}


/***/ })

};
