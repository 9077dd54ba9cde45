export const id = 843;
export const ids = [843,34];
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

/***/ 47318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTIONS_BOT: () => (/* binding */ ACTIONS_BOT),
/* harmony export */   COMMENT_MODES: () => (/* reexport safe */ _config_settings_js__WEBPACK_IMPORTED_MODULE_2__.p8),
/* harmony export */   MINIMIZE_LIMIT: () => (/* binding */ MINIMIZE_LIMIT),
/* harmony export */   commentState: () => (/* binding */ commentState),
/* harmony export */   tokenIdentity: () => (/* binding */ tokenIdentity),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment),
/* harmony export */   warningFor: () => (/* binding */ warningFor)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28943);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54661);
/**
 * The sticky PR comment (SPEC §4): one per gate, found again by its hidden marker in a comment
 * written by the token's own identity, across every page of the pull request's comments, and
 * updated in place. A stranger's comment that quotes the marker is never touched.
 */



/** the workflow token (GITHUB_TOKEN) is an installation token of the GitHub Actions app */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * Who the token writes as. The workflow token (an installation token, `ghs_…`) writes as
 * github-actions[bot] and may not read GET /user (403 "Resource not accessible by integration");
 * a personal token reads its login from GET /user.
 */
async function tokenIdentity(api, token) {
    if (token.startsWith('ghs_'))
        return ACTIONS_BOT;
    try {
        const { data } = await api.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        const { status } = (0,_api_js__WEBPACK_IMPORTED_MODULE_1__.describeError)(e);
        if (status === 403 || status === 404)
            return ACTIONS_BOT;
        throw e;
    }
}
function warningFor(status, message, target) {
    const where = `pull request #${target.issue}`;
    if (status === 403 || status === 404) {
        return (`could not comment on ${where}: ${message}. A pull request from a fork gets a read-only token: the artifact carries ` +
            'pull_request.json for a workflow_run workflow with `mode: publish` to post it; otherwise give the workflow ' +
            '`permissions: pull-requests: write`. The report is in the job summary.');
    }
    return `could not comment on ${where}: ${message}. The report is in the job summary.`;
}
/**
 * What `comment: on-change` compares: the verdict and every rule's status (a hash, kept in a hidden
 * line under the marker). A value that moves while every status stays is not a change.
 */
function commentState(report) {
    const key = JSON.stringify([report.verdict, report.rules.map((r) => [r.indicator, r.field, r.op, r.expr, r.level, r.status])]);
    return `<!-- evalgate-state:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16)} -->`;
}
/** the body with the state line right under the marker line */
function withState(marker, body, state) {
    if (!state)
        return body;
    const rest = body.slice(marker.length);
    return `${marker}\n${state}${rest.startsWith('\n') ? '' : '\n'}${rest}`;
}
/** `comment: new` minimises at most this many of the older comments per run (earlier runs minimised the rest) */
const MINIMIZE_LIMIT = 10;
const MINIMIZE = `mutation($id: ID!) {
  minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) {
    minimizedComment { isMinimized }
  }
}`;
async function upsertComment(api, token, target, marker, body, opts) {
    if (opts.mode === 'never')
        return { action: 'skipped', url: null, reason: 'comment: never' };
    if (!body.startsWith(marker))
        throw new Error(`internal error: the comment body does not start with its marker ${marker}`);
    const text = withState(marker, body, opts.state);
    try {
        const me = await tokenIdentity(api, token);
        const all = (await api.paginate(api.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issue,
            per_page: 100,
        }));
        // Ours: written by this identity and starting with the marker (a report quotes file names and
        // text from indicator files, which may hold another gate's marker). The oldest keeps its place.
        const ours = all.filter((c) => c.user?.login === me && typeof c.body === 'string' && c.body.startsWith(marker));
        if (opts.mode === 'new') {
            const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body: text });
            // the older ones are outdated: minimised, newest first, bounded per run
            const older = ours.filter((c) => c.id !== data.id).slice(-MINIMIZE_LIMIT).reverse();
            let hidden = 0;
            let warning;
            for (const c of older) {
                if (!c.node_id)
                    continue;
                try {
                    await api.graphql(MINIMIZE, { id: c.node_id });
                    hidden++;
                }
                catch (e) {
                    warning = `could not minimise the older comment ${c.html_url}: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_1__.describeError)(e).message}`;
                    break;
                }
            }
            return { action: 'created', url: data.html_url, id: data.id, minimized: hidden, ...(warning ? { warning } : {}) };
        }
        const mine = ours[0];
        if (mine) {
            if (mine.body === text)
                return { action: 'unchanged', url: mine.html_url, id: mine.id };
            // on-change: the same verdict and statuses leave the comment as it is (no notification, no edit)
            if (opts.mode === 'on-change' && opts.state && mine.body.includes(opts.state)) {
                return { action: 'unchanged', url: mine.html_url, id: mine.id };
            }
            const { data } = await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body: text });
            return { action: 'updated', url: data.html_url, id: data.id };
        }
        // on-failure: a new comment only for a failing gate; an existing one is always updated (above),
        // so that a fixed pull request shows it is fixed.
        if (opts.mode === 'on-failure' && !opts.failing) {
            return { action: 'skipped', url: null, reason: 'comment: on-failure and the gate passed' };
        }
        const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body: text });
        return { action: 'created', url: data.html_url, id: data.id };
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_1__.describeError)(e);
        return { action: 'failed', url: null, warning: warningFor(status, message, target), status };
    }
}


/***/ })

};
